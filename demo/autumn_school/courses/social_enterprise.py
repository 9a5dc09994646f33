"""An autumn school demo course: scaling a social enterprise between Belgium and Morocco (English).

Its catalogue fields, lessons (title, minutes, video, Markdown), live sessions (title, description, minutes)
and an optional quiz (questions with an explanation and (choice, correct) pairs).
"""

MODULE = {
    "key": "scaling-social-enterprise",
    "title": "Scaling a social enterprise between Belgium and Morocco",
    "summary": "Theory of change, legal forms for impact, impact measurement and blended finance.",
    "description": (
        "For founders whose project already works locally and who want to grow its **impact** across both "
        "countries. Taught in English, with cases from Brussels, Liège, Agadir and the Oriental region.\n\n"
        "You will leave with a theory of change, three impact indicators and a funding roadmap."
    ),
    "theme": "leadership",
    "level": "advanced",
    "language": "en",
    "format": "blended",
    "hours": 8,
    "instructors": ["sophie.dubois@exemple.be"],
    "lessons": [
        (
            "From project to social enterprise: your theory of change",
            25,
            "",
            "A **theory of change** links what you do to the change you want to see: *activities → outputs → "
            "outcomes → impact*. An argan cooperative near Agadir trains women in quality control (activity), "
            "certifies its oil as organic (output), sells to European shops at a better price (outcome), and "
            "raises its members' income (impact).\n\n"
            "Write yours on one page, and mark the assumptions that link each step to the next.",
        ),
        (
            "Legal forms for impact: Belgian social enterprises and Moroccan cooperatives",
            25,
            "",
            "In Belgium, a cooperative company can be **accredited as a social enterprise**, which signals "
            "that its main aim is a positive social impact and limits the return paid to shareholders.\n\n"
            "In Morocco, **cooperatives** are governed by law 112-12 and supported by the **Office du "
            "Développement de la Coopération (ODCO)**. Many women's cooperatives in the argan and textile "
            "sectors use this form.\n\n"
            "Growing across the two countries often means a partnership between a Belgian company that sells "
            "and a Moroccan cooperative that produces: write down who owns the brand and the customer "
            "relationship.",
        ),
        (
            "Measuring and reporting impact",
            20,
            "",
            "Pick **three indicators** you can measure every quarter without a research team: for example, "
            "members' average monthly income, the share of product sold at fair prices, and the number of "
            "women trained.\n\n"
            "Report them honestly, including what did not work. Impact investors read the trend and the "
            "learning, not a perfect number.",
        ),
        (
            "Funding growth: impact investors and blended finance",
            20,
            "",
            "**Blended finance** combines grants, patient loans and equity, each taking the risk it can bear. "
            "A grant can pay for the first impact study, a low-interest loan for working capital, and an "
            "impact fund's equity for the second production site.\n\n"
            "Prepare a funding roadmap: which need, which instrument, which funder, and when.",
        ),
    ],
    "sessions": [
        ("Case clinic: your impact model", "Bring your theory of change; we review it in small groups.", 75),
    ],
    "quiz": {
        "title": "Quiz: social enterprise",
        "pass_mark": 75,
        "max_attempts": 3,
        "questions": [
            (
                "Which order does a theory of change follow?",
                "Activities lead to outputs, outputs to outcomes, outcomes to impact.",
                [
                    ("Activities → outputs → outcomes → impact", True),
                    ("Impact → activities → outputs → outcomes", False),
                ],
            ),
            (
                "Which law governs cooperatives in Morocco?",
                "Law 112-12 on cooperatives.",
                [("Law 112-12", True), ("Law 09-08", False), ("Law 15-18", False)],
            ),
            (
                "How many impact indicators are recommended to start with?",
                "Three indicators you can measure every quarter.",
                [("One", False), ("Three", True), ("Twenty", False)],
            ),
            (
                "What does blended finance combine?",
                "Grants, loans and equity, each taking the risk it can bear.",
                [("Grants, loans and equity", True), ("Only bank loans", False)],
            ),
        ],
    },
}
