"""OpenAI-compatible services known by name: their default URL and API-key variable.

Mem0 names these providers; Engram reaches all of them through one client
(:class:`engram.llm.openai.OpenAILLM`). A ``None`` URL must be given (a LiteLLM proxy).

>>> PRESETS["ollama"]
('http://localhost:11434/v1', None)
"""

from __future__ import annotations

__all__ = ["PRESETS", "TOP_K_PROVIDERS"]

PRESETS: dict[str, tuple[str | None, str | None]] = {
    "ollama": ("http://localhost:11434/v1", None),
    "lmstudio": ("http://localhost:1234/v1", None),
    "vllm": ("http://localhost:8000/v1", "VLLM_API_KEY"),
    "groq": ("https://api.groq.com/openai/v1", "GROQ_API_KEY"),
    "together": ("https://api.together.xyz/v1", "TOGETHER_API_KEY"),
    "deepseek": ("https://api.deepseek.com", "DEEPSEEK_API_KEY"),
    "xai": ("https://api.x.ai/v1", "XAI_API_KEY"),
    "gemini": ("https://generativelanguage.googleapis.com/v1beta/openai/", "GEMINI_API_KEY"),
    "litellm": (None, "LITELLM_API_KEY"),
}

# Providers whose API takes top_k (OpenAI's has none: it would be refused with a 400).
TOP_K_PROVIDERS = ("anthropic", "ollama", "vllm", "lmstudio")
