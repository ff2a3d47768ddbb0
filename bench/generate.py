"""Generate a valid trust center of a given size, for the site benchmark.

Run from the repository root (after ``make setup``):

    .venv/bin/python bench/generate.py /tmp/big --controls 5000 --subprocessors 500

writes ``/tmp/big/data/`` (every data file, valid with no warning on the benchmark's
build date, 2026-11-26) and makes ``/tmp/big`` a project that builds like the repository:
a copy of ``mkdocs.yml`` and ``docs/``, and links to ``overrides/`` and ``macros/``. Then
``cd /tmp/big && mkdocs build`` (with ``TRUSTCENTER_TODAY=2026-11-26``) builds it.

The text is generated from word lists with a fixed seed, so two runs write the same
files. It reads like a real program's: control titles and descriptions, categories,
subprocessors with history (removals, announced changes, upcoming additions), gated
report details, and ``internal:`` blocks on most entries. Controls are mapped so that
every criterion of the five TSC categories in scope has controls (no coverage warning);
about 3% of controls are gated and 2% internal. Gated and internal text carries its own
references (tickets, runbooks), so the leak guard never mistakes it for public prose.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # the code of this checkout, not whatever is installed
    sys.path.insert(0, str(REPO))

from trustcenter.builders import DIRECT_BUILDS_GUARD  # noqa: E402
from trustcenter.catalogue import Category, criteria_of  # noqa: E402

#: The build date the generated data is valid on (no error, no warning).
TODAY = dt.date(2026, 11, 26)
SITE_URL = "https://trust.generated.example/"

# --- word lists -----------------------------------------------------------------------

CATEGORIES = [
    ("governance", "Governance and oversight", "Policies, roles and board oversight"),
    ("risk", "Risk management", "How risks to the service are identified and treated"),
    ("people", "People security", "Screening, agreements and training for staff"),
    ("access", "Access control", "Who can reach production systems and customer data"),
    ("identity", "Identity management", "Accounts, single sign-on and authentication"),
    ("network", "Network security", "Segmentation, firewalls and traffic filtering"),
    ("endpoint", "Endpoint security", "Company laptops, mobile devices and their hardening"),
    ("crypto", "Cryptography and key management", "Encryption in transit and at rest"),
    ("vuln", "Vulnerability management", "Scanning, patching and penetration testing"),
    ("change", "Change management", "How code and infrastructure changes reach production"),
    ("sdlc", "Secure development", "Design reviews, code review and dependency hygiene"),
    ("supply-chain", "Software supply chain", "Build provenance, signing and artifacts"),
    ("logging", "Logging and monitoring", "Audit logs, alerting and their retention"),
    ("incident", "Incident response", "Handling, communicating and learning from incidents"),
    ("vendor", "Vendor management", "Assessing the vendors the service relies on"),
    ("data", "Data protection", "Classification, handling and deletion of customer data"),
    ("privacy", "Privacy", "Notices, consent and data subject requests"),
    ("continuity", "Business continuity", "Backups, failover and tested recovery"),
    ("capacity", "Capacity and performance", "Capacity planning and load management"),
    ("asset", "Asset management", "Inventories of systems, software and data stores"),
    ("physical", "Physical security", "Offices and the protection of equipment"),
    ("cloud", "Cloud security", "Configuration of cloud accounts and services"),
    ("container", "Container security", "Images, clusters and runtime protection"),
    ("api", "API security", "Authentication, rate limits and input validation of the API"),
    ("secrets", "Secrets management", "Credentials, tokens and their rotation"),
    ("email", "E-mail security", "Mail authentication, filtering and phishing defence"),
    ("awareness", "Security awareness", "Training, phishing exercises and communication"),
    ("config", "Configuration management", "Baselines and drift detection"),
    ("audit", "Internal audit", "Independent checks of the control environment"),
    ("compliance", "Compliance monitoring", "Tracking legal and contractual obligations"),
    ("integrity", "Processing integrity", "Complete, accurate and timely processing"),
    ("quality", "Data quality", "Validation and reconciliation of processed data"),
    ("retention", "Data retention", "How long data is kept and how it is disposed of"),
    ("database", "Database security", "Access to, and hardening of, the databases"),
    ("payments", "Payment security", "Protection of payment instructions and bank details"),
    ("fraud", "Fraud prevention", "Detecting and stopping fraudulent activity"),
    ("isolation", "Tenant isolation", "Keeping one customer's data apart from another's"),
    ("availability", "Availability monitoring", "Uptime, status page and service levels"),
    ("recovery", "Disaster recovery", "Recovering the service after a regional outage"),
    ("release", "Release management", "Scheduling and communicating releases"),
    ("problem", "Problem management", "Root causes of recurring incidents"),
    ("mobile", "Mobile applications", "Security of the iOS and Android apps"),
    ("insider", "Insider risk", "Detecting misuse of legitimate access"),
    ("remote", "Remote work", "Working securely away from the office"),
    ("legal", "Legal and regulatory", "Contracts, regulators and law enforcement requests"),
    ("threat", "Threat intelligence", "Following threats relevant to the service"),
    ("warehouse", "Analytics platform", "The data warehouse and its reporting tools"),
    ("support", "Customer support", "Support tooling and access to customer accounts"),
    ("records", "Records of processing", "Registers of processing activities"),
    ("consent", "Consent management", "Recording and honouring consent choices"),
]

VERBS = [
    "Quarterly review of",
    "Automated monitoring of",
    "Annual testing of",
    "Encryption of",
    "Approval of",
    "Logging of",
    "Restricted access to",
    "Segregation of",
    "Backup of",
    "Inventory of",
    "Hardening of",
    "Alerting on",
    "Documented procedure for",
    "Independent assessment of",
    "Reconciliation of",
    "Retention limits for",
    "Multi-factor authentication for",
    "Change control over",
    "Vulnerability scanning of",
    "Periodic recertification of",
]
OBJECTS = [
    "privileged accounts",
    "production databases",
    "customer data exports",
    "firewall rules",
    "service accounts",
    "encryption keys",
    "infrastructure changes",
    "vendor contracts",
    "endpoint devices",
    "API credentials",
    "audit logs",
    "backup snapshots",
    "payment files",
    "supplier bank details",
    "security incidents",
    "container images",
    "DNS records",
    "TLS certificates",
    "object storage buckets",
    "message queues",
    "support tool access",
    "administrator roles",
    "data retention jobs",
    "release pipelines",
    "third-party libraries",
    "network segments",
    "analytics datasets",
    "mobile app builds",
    "webhook endpoints",
    "feature flags",
    "SSO configurations",
    "cloud accounts",
]
SCOPES = [
    "in the US region",
    "in the EU region",
    "for the billing platform",
    "for the mobile apps",
    "for internal tools",
    "across all environments",
    "for the data warehouse",
    "for the customer portal",
]
TEAMS = [
    "The security engineering team",
    "The site reliability team",
    "The GRC team",
    "The platform team",
    "The data platform team",
    "The IT team",
    "The payments operations team",
    "Each service owner",
    "The privacy office",
    "The people team",
]
ACTIONS = [
    "reviews",
    "monitors",
    "tests",
    "approves changes to",
    "keeps an inventory of",
    "reconciles",
    "restricts access to",
    "verifies the configuration of",
]
FREQUENCIES = [
    "every quarter",
    "every month",
    "continuously, with alerts paged to the on-call engineer",
    "before every release",
    "at least once a year",
    "every week",
    "on every change",
]
FOLLOW_UPS = [
    "Findings are tracked as tickets with a due date set by their severity.",
    "Exceptions are approved by the *CISO* and expire after 90 days.",
    "The results are recorded and kept for at least three years.",
    "Deviations open an incident and are reviewed in the weekly risk meeting.",
    "A second person approves every change before it is applied.",
    "The check runs as code (`policy-as-code`) in the deployment pipeline.",
    "Evidence is exported automatically to the compliance platform.",
    "Results are reported to the security steering committee.",
]
INTERNAL_OWNERS = [
    "Amara Osei (Security Engineering)",
    "Lukas Brandt (SRE)",
    "Mei Lin Zhao (GRC)",
    "Daniel Costa (Platform)",
    "Sofia Marin (Privacy)",
    "Kwame Mensah (IT)",
    "Ingrid Holm (Payments Operations)",
    "Ravi Kulkarni (Data Platform)",
]

SUBPROCESSOR_STEMS = [
    "Northwind",
    "Bluefin",
    "Cedarline",
    "Driftwood",
    "Emberly",
    "Fjordsoft",
    "Granite",
    "Harborview",
    "Ironbark",
    "Juniper",
    "Kestrel",
    "Lumen",
    "Marigold",
    "Nimbus",
    "Oakridge",
    "Pinecrest",
    "Quartz",
    "Riverbend",
    "Saltmarsh",
    "Tidewater",
    "Upland",
    "Vantage",
    "Willowby",
    "Yellowtail",
    "Zephyr",
    "Amberly",
    "Brookside",
    "Copperleaf",
    "Dunmore",
    "Eastgate",
]
SUBPROCESSOR_KINDS = [
    ("Hosting", "Cloud infrastructure: compute, managed databases and object storage."),
    ("Networks", "Content delivery, TLS termination and DDoS protection."),
    ("Messaging", "Transactional e-mail and SMS notifications to customer users."),
    ("Payments", "Payment initiation and bank connectivity for payment runs."),
    ("Identity", "Sign-in, multi-factor authentication and single sign-on."),
    ("Support", "Customer support tickets and in-app chat."),
    ("Telemetry", "Application error monitoring and performance tracing."),
    ("Analytics", "Product analytics on pseudonymised usage events."),
    ("Verify", "Verification of supplier bank accounts before first use."),
    ("Screening", "Screening of supplier names against sanctions lists."),
    ("AI", "Extraction of fields from poorly scanned invoices."),
    ("Logs", "Log management and security monitoring (SIEM)."),
]
LEGAL_FORMS = [
    # A DPF claim records what the DPF List showed, or the check warns (dpf-unverified).
    (
        "Inc.",
        ["United States"],
        [
            {
                "mechanism": "dpf",
                "dpf_verified": TODAY,
                "dpf_recertification_due": TODAY.replace(year=2027),
            }
        ],
    ),
    ("GmbH", ["Germany"], "none_needed"),
    ("Ltd.", ["United Kingdom"], "adequacy"),
    ("B.V.", ["Netherlands"], "none_needed"),
    ("SAS", ["France"], "none_needed"),
    ("Pty Ltd", ["Australia"], "sccs"),
    ("K.K.", ["Japan"], "adequacy"),
    ("Inc.", ["United States", "Ireland"], "sccs"),
]
FAQ = {
    "Encryption": [
        "Is customer data encrypted at rest?",
        "Which TLS versions do you accept?",
        "Who manages the encryption keys?",
        "Are backups encrypted?",
    ],
    "Access": [
        "Who at your company can access our data?",
        "Do you require multi-factor authentication for staff?",
        "How quickly is access removed when someone leaves?",
        "Are privileged actions logged?",
    ],
    "Availability": [
        "What uptime do you commit to?",
        "Where can we see the status of the service?",
        "How often do you test recovery from backups?",
    ],
    "Privacy": [
        "Where is our data stored?",
        "Do you sign a data processing agreement?",
        "How do you handle data subject requests?",
        "What happens to our data when the contract ends?",
    ],
    "Vendors": [
        "How do you assess your vendors?",
        "How are we told about new subprocessors?",
    ],
    "Incidents": [
        "How will you tell us about an incident?",
        "Do you run a bug bounty program?",
        "How do you test your incident response?",
    ],
}
UPDATES = [
    ("announcement", "New subprocessor for invoice extraction"),
    ("incident", "Delayed approval e-mails"),
    ("advisory", "Phishing e-mails imitating our sign-in page"),
    ("compliance", "New SOC 2 Type 2 report available"),
    ("vulnerability", "Vulnerability in a third-party PDF library"),
    ("announcement", "Single sign-on required for administrators"),
    ("incident", "Slow sign-in during a credential-stuffing attempt"),
    ("advisory", "Rotating API keys after a customer's leak"),
    ("compliance", "ISO/IEC 27001 surveillance audit completed"),
    ("vulnerability", "Cross-site scripting in the supplier portal"),
]
DATA_KINDS = [
    "Names and e-mail addresses of customer users",
    "Invoice images and extracted fields",
    "Payment instructions and amounts",
    "Supplier names and bank account details",
    "Request metadata (IP addresses, user agents)",
    "Application logs with user identifiers",
    "Content of support requests",
    "Authentication events",
]


# --- the generator --------------------------------------------------------------------


class _Generator:
    def __init__(self, controls: int, subprocessors: int, seed: int) -> None:
        self.n_controls = controls
        self.n_subprocessors = subprocessors
        self.rng = random.Random(seed)
        self.ticket = 10000

    def ref(self, prefix: str) -> str:
        """A unique reference (ticket, runbook), so restricted text is never public text."""
        self.ticket += self.rng.randint(1, 9)
        return f"{prefix}-{self.ticket}"

    def day(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randint(0, (end - start).days))

    def internal(self, extra: str = "") -> dict[str, Any]:
        block: dict[str, Any] = {
            "owner": self.rng.choice(INTERNAL_OWNERS),
            "evidence": [
                f"Evidence folder {self.ref('EV')} in the compliance platform, export of "
                f"{self.day(dt.date(2026, 1, 1), TODAY).isoformat()}"
            ],
            "last_tested": self.day(dt.date(2026, 1, 1), TODAY),
        }
        if self.rng.random() < 0.5:
            block["notes"] = (
                f"Tracked in {self.ref('GRC')}; {extra or 'no open finding'}, next test "
                f"planned for {self.day(dt.date(2027, 1, 1), dt.date(2027, 9, 30)).isoformat()}."
            )
        return block

    # --- files --------------------------------------------------------------------------

    def company(self) -> dict[str, Any]:
        return {
            "name": "Generated Company",
            "legal_name": "Generated Company, Inc.",
            "website": "https://generated.example",
            "description": (
                f"Generated Company runs *Ledgerline*, a benchmark-sized accounts-payable "
                f"platform described by {self.n_controls:,} controls and "
                f"{self.n_subprocessors:,} subprocessors."
            ),
            "commitment": (
                "We protect our customers' data with a security program examined every year "
                "by independent auditors. Questions to "
                "[security@generated.example](mailto:security@generated.example)."
            ),
            # As the example's: the request form the hub and the report cards link to.
            "request_access": {
                "email": "trust@generated.example",
                "subject": "Request for Generated Company security reports under NDA",
                "terms": (
                    "Our SOC reports are confidential. We send them after you accept our "
                    "mutual non-disclosure agreement."
                ),
            },
            "contacts": [
                {
                    "purpose": "security",
                    "label": "Report a vulnerability",
                    "url": "mailto:security@generated.example",
                },
                {
                    "purpose": "privacy",
                    "label": "Privacy questions",
                    "url": "mailto:privacy@generated.example",
                },
                {
                    "purpose": "access_requests",
                    "label": "Request the SOC reports (NDA)",
                    "url": "mailto:trust@generated.example",
                },
            ],
            "system": {
                "services": [
                    {"name": name, "description": text}
                    for name, text in [
                        ("Ledgerline", "Invoice capture, coding and approval workflows."),
                        ("Ledgerline Payments", "Scheduled payment runs through partner banks."),
                        ("Ledgerline Connect", "Synchronisation with customers' ERP systems."),
                    ]
                ],
                "boundaries": (
                    "The production environments in the US and EU regions, the services that "
                    "deploy, monitor and back them up, and the people and procedures that "
                    "operate them. Customers' own systems are out of scope."
                ),
                "components": {
                    "infrastructure": "Managed Kubernetes, PostgreSQL and object storage.",
                    "software": "Services in Python and TypeScript, built by one pipeline.",
                    "people": "About 900 employees; a security team of 40.",
                    "procedures": "Written policies, reviewed yearly and acknowledged by staff.",
                    "data": "Supplier master data, invoices, payment instructions, user data.",
                },
                "commitments": [
                    "Customer data is encrypted in transit and at rest.",
                    "The service is available 99.9% of each calendar month.",
                    "Customers hear of an incident affecting their data within 48 hours.",
                ],
                "system_requirements": [
                    "Production access needs single sign-on with multi-factor authentication.",
                    "Every change is peer reviewed, tested and deployed by the pipeline.",
                ],
                "subservice_organizations": [
                    {
                        "name": "Northwind Hosting, Inc.",
                        "method": "carve_out",
                        "services": "Infrastructure as a service in the US and EU regions.",
                    },
                ],
            },
            "internal": {
                "owner": "Amara Osei (Security Engineering)",
                "notes": f"Generated for the benchmark, {self.ref('GEN')}.",
            },
        }

    def attestations(self) -> dict[str, Any]:
        period = {"start": dt.date(2025, 10, 1), "end": dt.date(2026, 9, 30)}
        categories = [c.value for c in Category]
        exceptions = [
            {
                "control": f"CTL-{self.rng.randint(1, self.n_controls):05d}",
                "summary": (
                    f"For {self.rng.randint(1, 3)} of {self.rng.randint(25, 60)} samples "
                    f"the review was completed late (exception {self.ref('EXC')})."
                ),
                "management_response": (
                    f"The review is now scheduled by the compliance platform ({self.ref('MR')})."
                ),
            }
            for _ in range(3)
        ]
        return {
            "attestations": [
                {
                    "id": "soc2-type2-2026",
                    "framework": "soc2",
                    "type": 2,
                    "status": "issued",
                    "visibility": "nda",
                    "auditor": "Marlow & Pike LLP",
                    "period": period,
                    "issued": dt.date(2026, 11, 6),
                    "categories": categories,
                    "scope": "Ledgerline, Ledgerline Payments and Ledgerline Connect.",
                    "gated": {
                        "opinion": "unmodified",
                        "exceptions": exceptions,
                        "bridge_letters": [
                            {
                                "covers_through": dt.date(2026, 12, 31),
                                "issued": dt.date(2026, 11, 6),
                                "signed_by": "Chief Information Security Officer",
                            }
                        ],
                        "complementary_user_entity_controls": [
                            "Customers review their users' roles every quarter "
                            f"({self.ref('CUEC')})."
                        ],
                        "how_to_obtain": f"Download the report from this page ({self.ref('DL')}).",
                    },
                    "internal": self.internal("report archived"),
                },
                {
                    "id": "soc1-type2-2026",
                    "framework": "soc1",
                    "type": 2,
                    "status": "issued",
                    "visibility": "nda",
                    "auditor": "Marlow & Pike LLP",
                    "period": period,
                    "issued": dt.date(2026, 11, 6),
                    "scope": "Controls relevant to customers' financial reporting.",
                    "gated": {
                        "opinion": "unmodified",
                        "control_objectives": [
                            f"Payment runs are released only after approval ({self.ref('CO')})."
                        ],
                    },
                    "internal": self.internal(),
                },
                {
                    "id": "soc3-2026",
                    "framework": "soc3",
                    "type": 2,
                    "status": "issued",
                    "visibility": "public",
                    "auditor": "Marlow & Pike LLP",
                    "period": period,
                    "issued": dt.date(2026, 11, 6),
                    "categories": categories,
                    "public_url": "https://generated.example/trust/soc3-2026.pdf",
                },
                {
                    "id": "iso27001",
                    "framework": "iso27001",
                    "status": "issued",
                    "visibility": "public",
                    "auditor": "Harcourt Certification Ltd.",
                    "certificate_number": "HC-ISMS-26-0099",
                    "standard_version": "2022",
                    "issued": dt.date(2026, 3, 1),
                    "expires": dt.date(2029, 2, 28),
                    "internal": self.internal(),
                },
                {
                    "id": "pci-dss-internal",
                    "framework": "pci_dss",
                    "status": "in_progress",
                    "visibility": "internal",
                    "expected": dt.date(2027, 8, 31),
                    "scope": f"Card data environment readiness, internal only ({self.ref('PCI')}).",
                },
            ]
        }

    def controls(self) -> tuple[dict[str, Any], list[str]]:
        rng = self.rng
        n_categories = max(8, min(len(CATEGORIES), self.n_controls // 60))
        categories = CATEGORIES[:n_categories]
        titles = [f"{v} {o} {s}" for v in VERBS for o in OBJECTS for s in SCOPES]
        rng.shuffle(titles)
        if self.n_controls > len(titles):
            raise SystemExit(f"at most {len(titles)} controls can be generated")
        in_scope = [c.id for category in Category for c in criteria_of(category)]
        controls = []
        public_ids = []
        for index in range(self.n_controls):
            control_id = f"CTL-{index + 1:05d}"
            # Round-robin over the criteria, so each one has controls, plus one or two more.
            mapped = {in_scope[index % len(in_scope)]}
            mapped.update(rng.sample(in_scope, rng.randint(0, 2)))
            roll = rng.random()
            visibility = "gated" if roll < 0.03 else "internal" if roll < 0.05 else "public"
            description = (
                f"{rng.choice(TEAMS)} {rng.choice(ACTIONS)} {rng.choice(OBJECTS)} "
                f"{rng.choice(FREQUENCIES)}. {rng.choice(FOLLOW_UPS)}"
            )
            if visibility != "public":
                description += f" The procedure is runbook {self.ref('RB')}."
            control: dict[str, Any] = {
                "id": control_id,
                "title": titles[index],
                "description": description,
                "category": categories[index % n_categories][0],
                "criteria": sorted(mapped),
                "status": rng.choices(["implemented", "in_progress", "planned"], [90, 7, 3])[0],
                "visibility": visibility,
            }
            if rng.random() < 0.8:
                control["internal"] = self.internal()
            controls.append(control)
            if visibility == "public":
                public_ids.append(control_id)
        data = {
            "categories": [
                {"id": cid, "title": title, "description": f"{text}."}
                for cid, title, text in categories
            ],
            "controls": controls,
        }
        return data, public_ids

    def subprocessors(self) -> dict[str, Any]:
        rng = self.rng
        names = [f"{stem} {kind}" for stem in SUBPROCESSOR_STEMS for kind, _ in SUBPROCESSOR_KINDS]
        rng.shuffle(names)
        purposes = dict(SUBPROCESSOR_KINDS)
        subs = []
        for index in range(self.n_subprocessors):
            base = names[index % len(names)]
            kind = base.split(" ", 1)[1]
            form, locations, mechanism = rng.choice(LEGAL_FORMS)
            suffix = f" {index // len(names) + 1}" if index >= len(names) else ""
            name = f"{base}{suffix} {form}"
            slug = name.lower().replace(".", "").replace(" ", "-")
            added = self.day(dt.date(2020, 1, 1), dt.date(2026, 6, 30))
            entry: dict[str, Any] = {
                "id": f"{slug}-{index + 1}",
                "name": name,
                "purpose": purposes[kind],
                "data": rng.sample(DATA_KINDS, rng.randint(1, 3)),
                "locations": locations,
                "transfer_mechanism": mechanism,
                "website": f"https://{slug}.example",
            }
            roll = rng.random()
            if roll < 0.04:  # upcoming: announced, takes effect after the build date
                added = self.day(dt.date(2026, 12, 1), dt.date(2027, 2, 28))
                entry["announced"] = added - dt.timedelta(days=rng.randint(30, 45))
            else:
                entry["announced"] = added - dt.timedelta(days=rng.randint(30, 60))
            entry["added"] = added
            if 0.04 <= roll < 0.14:  # removed, with notice
                removed = self.day(added + dt.timedelta(days=90), dt.date(2026, 11, 20))
                entry["removal_announced"] = removed - dt.timedelta(days=rng.randint(30, 40))
                entry["removed"] = removed
            elif 0.14 <= roll < 0.24 and added < dt.date(2026, 3, 1):  # an announced change
                effective = self.day(added + dt.timedelta(days=60), dt.date(2026, 11, 20))
                entry["changes"] = [
                    {
                        "announced": effective - dt.timedelta(days=rng.randint(30, 40)),
                        "effective": effective,
                        "summary": f"{name} added a processing location in *Ireland*.",
                    }
                ]
            if rng.random() < 0.6:
                entry["internal"] = self.internal("DPA on file")
            subs.append(entry)
        return {
            "notice": {
                "days": 30,
                "since": dt.date(2019, 1, 1),
                "subscribe": "https://generated.example/trust/subprocessors/subscribe",
                "objections": "mailto:privacy@generated.example",
            },
            "subprocessors": subs,
        }

    def documents(self) -> dict[str, Any]:
        titles = [
            "Security overview",
            "Information security policy (summary)",
            "Data processing agreement",
            "Privacy notice",
            "Business continuity summary",
            "Penetration test summary",
            "Vulnerability disclosure policy",
            "Acceptable use policy",
            "Incident response summary",
            "Encryption whitepaper",
            "Vendor management policy",
            "Data retention schedule",
        ]
        documents = []
        for index, title in enumerate(titles):
            doc_id = title.lower().split(" (")[0].replace(" ", "-")
            public = index % 3 != 2
            entry: dict[str, Any] = {
                "id": doc_id,
                "title": title,
                "description": f"The current {title.lower()}, reviewed every year.",
                "version": f"2026.{index % 4 + 1}",
                "last_reviewed": self.day(dt.date(2026, 1, 5), TODAY),
                "access": "public" if public else "nda",
            }
            if public:
                entry["url"] = f"https://generated.example/trust/{doc_id}.pdf"
            entry["internal"] = self.internal()
            documents.append(entry)
        return {"documents": documents}

    def faq(self, public_ids: list[str]) -> dict[str, Any]:
        topics = []
        for subject, questions in FAQ.items():
            entries = []
            for number, question in enumerate(questions, 1):
                entries.append(
                    {
                        "id": f"{subject.lower()}-{number}",
                        "question": question,
                        "answer": (
                            f"Our {subject.lower()} procedures are written down, reviewed "
                            "every year and tested by our auditors; the controls below "
                            "describe them, and the *security overview* explains more."
                        ),
                        "controls": self.rng.sample(public_ids, min(3, len(public_ids))),
                    }
                )
            topics.append({"id": subject.lower(), "title": subject, "questions": entries})
        return {"topics": topics}

    def updates(self) -> dict[str, Any]:
        updates = []
        day = dt.date(2024, 1, 10)
        for index in range(30):
            kind, title = UPDATES[index % len(UPDATES)]
            entry: dict[str, Any] = {
                "id": f"update-{index + 1:03d}",
                "date": day,
                "title": f"{title} ({day:%B %Y})",
                "kind": kind,
                "summary": (
                    "A short notice to customers describing what happened, what we did and "
                    "whether any action is needed. *No action is needed.*"
                ),
            }
            if kind in ("incident", "vulnerability"):
                entry["severity"] = ["low", "medium", "high"][index % 3]
                entry["resolved"] = day + dt.timedelta(days=1)
            updates.append(entry)
            day += dt.timedelta(days=35)
        return {"updates": [u for u in updates if u["date"] <= TODAY]}

    def security_txt(self) -> dict[str, Any]:
        return {
            "contact": ["mailto:security@generated.example"],
            "expires": dt.date(2027, 6, 30),
            "preferred_languages": ["en"],
            "canonical": [f"{SITE_URL}.well-known/security.txt"],
            "policy": ["https://generated.example/security/policy"],
        }

    def access(self) -> dict[str, Any]:
        return {
            "page_url": f"{SITE_URL}reports/",
            "grants": [
                {
                    "id": f"prospect-{i + 1:03d}",
                    "recipient": f"Prospect {i + 1}, security team",
                    "reason": f"Vendor review under NDA {self.ref('NDA')}",
                    "expires": dt.date(2027, 3, 31),
                }
                for i in range(10)
            ],
        }


def write_data(data_dir: Path, controls: int, subprocessors: int, seed: int = 6) -> None:
    """Write every data file of a generated trust center into ``data_dir``."""
    gen = _Generator(controls, subprocessors, seed)
    controls_data, public_ids = gen.controls()
    files = {
        "company.yml": gen.company(),
        "attestations.yml": gen.attestations(),
        "controls.yml": controls_data,
        "subprocessors.yml": gen.subprocessors(),
        "documents.yml": gen.documents(),
        "faq.yml": gen.faq(public_ids),
        "updates.yml": gen.updates(),
        "security_txt.yml": gen.security_txt(),
        "access.yml": gen.access(),
    }
    data_dir.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        text = yaml.safe_dump(content, sort_keys=False, allow_unicode=True, width=100)
        (data_dir / name).write_text(f"# Generated by bench/generate.py\n{text}", "utf-8")


class _PythonName(str):
    """A ``!!python/name:`` value, written back as that tag."""


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, plus :class:`_PythonName`."""


_Dumper.add_representer(
    _PythonName,
    lambda dumper, value: dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{value}", ""),
)


def make_project(project: Path, controls: int, subprocessors: int, seed: int = 6) -> Path:
    """A project folder that builds like the repository, with generated data."""
    from mkdocs.utils.yaml import yaml_load

    project.mkdir(parents=True, exist_ok=True)
    for shared in ("overrides", "macros"):
        link = project / shared
        if not link.exists():
            link.symlink_to(REPO / shared, target_is_directory=True)
    if not (project / "docs").exists():  # a copy: Zensical wants docs/ inside the project
        shutil.copytree(REPO / "docs", project / "docs")
    with open(REPO / "mkdocs.yml", encoding="utf-8") as file:
        config = yaml_load(file)
    config["site_url"] = SITE_URL
    # `watch` paths must exist; they point back at the repository (for `mkdocs serve`).
    config["watch"] = [p if p == "data" else str(REPO / p) for p in config.get("watch", [])]
    # The line that stops a direct `zensical build` (trustcenter/direct_builds.py), written
    # back as the tag it was read from.
    config.setdefault("extra", {})["trustcenter_pipeline"] = _PythonName(DIRECT_BUILDS_GUARD)
    (project / "mkdocs.yml").write_text(
        "# Generated by bench/generate.py from the repository's mkdocs.yml\n"
        + yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True),
        "utf-8",
    )
    write_data(project / "data", controls, subprocessors, seed)
    return project


def main() -> None:
    """Write a generated project (or only its data folder, with ``--data-only``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dest", type=Path, help="the project folder to write")
    parser.add_argument("--controls", type=int, default=1000)
    parser.add_argument("--subprocessors", type=int, default=50)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--data-only", action="store_true", help="write DEST as a data folder")
    args = parser.parse_args()
    if args.data_only:
        write_data(args.dest, args.controls, args.subprocessors, args.seed)
    else:
        if (args.dest / "data").exists():
            shutil.rmtree(args.dest / "data")
        make_project(args.dest, args.controls, args.subprocessors, args.seed)
    print(f"wrote {args.dest} ({args.controls} controls, {args.subprocessors} subprocessors)")


if __name__ == "__main__":
    main()
