"""A support inbox that remembers its customers.

Every ticket is kept as it was written (a raw memory of the customer, tagged with the
ticket's id, date and status), and what the customer says about themselves (plan, team,
preferences) is distilled into facts. When a new ticket arrives, the agent recalls the
customer's plan and preferences and the past tickets closest to the new one, and drafts
its reply from them.

    python examples/support_inbox.py

Offline by default (the rules extractor); with an LLM configured (OPENAI_API_KEY, or
ENGRAM_LLM_PROVIDER and friends) the same script extracts with the LLM instead.
"""

from __future__ import annotations

import os
import tempfile
from typing import Any

from engram import Memory

TICKETS = [
    {"id": "T-101", "customer": "northwind", "date": "2026-09-02", "status": "solved",
     "subject": "CSV export times out",
     "messages": ["Hi, I'm on the Pro plan and our team has 12 seats.",
                  "The CSV export fails with a timeout when I export more than 10,000 rows."],
     "resolution": "Export in monthly batches until the streaming exporter ships."},
    {"id": "T-117", "customer": "northwind", "date": "2026-10-14", "status": "solved",
     "subject": "SSO login broken after certificate rotation",
     "messages": ["Please email me rather than call, I prefer email.",
                  "The SSO login stopped working after we rotated our certificate."],
     "resolution": "Re-uploaded the new signing certificate in the SSO settings."},
    {"id": "T-120", "customer": "bluebird", "date": "2026-10-20", "status": "solved",
     "subject": "Invoice shows the wrong company name",
     "messages": ["I'm on the Starter plan.", "I prefer short answers with code samples.",
                  "Our invoice shows the wrong company name."],
     "resolution": "Corrected the billing profile."},
]

NEW_TICKET = {"id": "T-133", "customer": "northwind", "subject": "Export failing again",
              "text": "The export of our orders failed again with a timeout this morning."}


def remember_ticket(memory: Memory, t: dict[str, Any]) -> None:
    who = {"user_id": t["customer"]}
    record = f"{t['subject']}: {' '.join(t['messages'][1:] or t['messages'])} " \
             f"Resolution: {t['resolution']}"
    memory.add(record, infer=False, metadata={"kind": "ticket", "ticket": t["id"],
                                              "date": t["date"], "status": t["status"]}, **who)
    # The customer's own words, distilled: plan, team size, preferences.
    memory.add([{"role": "user", "content": m} for m in t["messages"]],
               metadata={"kind": "profile", "ticket": t["id"]}, **who)


def recall(memory: Memory, customer: str, text: str) -> tuple[list[str], list[dict[str, Any]]]:
    profile = memory.get_all(filters={"AND": [{"user_id": customer}, {"kind": "profile"}]})
    past = memory.search(text, filters={"AND": [{"user_id": customer}, {"kind": "ticket"}]},
                         top_k=2)
    return [r["memory"] for r in profile["results"]], past["results"]


def draft_reply(customer: str, facts: list[str], past: list[dict[str, Any]]) -> str:
    plan = next((f for f in facts if "plan" in f.lower()), None)
    email = any("email" in f.lower() for f in facts)
    lines = [f"Hello {customer.title()} team,",
             "thanks for reporting this."]
    if past:
        best = past[0]
        lines.append(f"This looks like ticket {best['metadata']['ticket']} "
                     f"({best['metadata']['date']}): {best['memory']}")
    if plan:
        lines.append(f"Your account: {plan.rstrip('.')}.")
    lines.append("We will follow up by email." if email else "We will follow up shortly.")
    return "\n".join(lines)


def main() -> None:
    # A throwaway store: the example leaves nothing behind when it ends.
    with tempfile.TemporaryDirectory(prefix="engram-inbox-") as tmp, \
            Memory({"store": {"path": os.path.join(tmp, "inbox.db")}}) as memory:
        print(f"extractor: {memory.extractor_name}")
        for t in TICKETS:
            remember_ticket(memory, t)
        print(f"remembered {len(TICKETS)} tickets for "
              f"{len({t['customer'] for t in TICKETS})} customers")
        new = NEW_TICKET
        facts, past = recall(memory, new["customer"], new["text"])
        print(f"\nnew ticket {new['id']} from {new['customer']}: {new['text']}")
        print("what we know about the customer:")
        for f in facts:
            print(f"  - {f}")
        print("closest past tickets:")
        for p in past:
            print(f"  - {p['metadata']['ticket']} ({p['metadata']['status']}): {p['memory']}")
        print("\ndraft reply:\n" + draft_reply(new["customer"], facts, past))


if __name__ == "__main__":
    main()
