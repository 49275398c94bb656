"""Demo copy for the shipped site: a fictional consultancy, Northway Leadership. Our own writing."""

HOME_JUMBOTRON = """\
Growing fast and feeling every bump in the road?{.bold}

Northway places experienced technology and delivery leaders inside your business for one to three days a week, so you get senior judgement without a senior payroll.{.smaller}

**Leadership that fits —** sized to the stage you are at.{.emphasis}
"""

HOME_INTRO = """\
## Senior leaders, part of the week

Most growing companies reach a point where the founders can no longer hold every decision. Hiring a full-time executive is slow, costly and risky when you are not yet sure what the role should be.

A *fractional* leader joins your leadership team on a part-time basis. They bring years of pattern recognition, they start quickly, and the engagement grows or shrinks with your needs.
"""

SERVICES_INTRO = """\
Each service is delivered by one named leader who works inside your team, not a rotating bench of consultants. Engagements start with a short diagnostic and move to regular days each week.
"""

CTO_JUMBOTRON = """\
Technology choices piling up faster than you can make them?{.bold}

A fractional CTO gives you a seasoned technology leader for part of the week: strategy, architecture and a calmer engineering team.{.smaller}
"""

CTO_BODY = """\
Early products are usually built by a small team moving as quickly as it can. That speed is a strength until the product has real customers, real data and real obligations. Then the shortcuts start to cost more than they saved.

Typical signs that it is time for senior technology leadership:

- releases *slip*{.larger .text-color-brand-secondary} and nobody can say why
- the team *guesses*{.larger .text-color-brand-secondary} at priorities instead of knowing them
- investors ask questions about security, scale or cost that nobody can answer with confidence

## How a fractional CTO engagement works{.heading-wide}

We begin with a two-week review of your platform, team and roadmap. You get a written summary of strengths, risks and the three changes that will matter most.

After that, your CTO works with you one to three days a week: setting direction, coaching your engineering leads, and taking the decisions that need an experienced hand.

### What you can expect

- A technology strategy tied to your business plan
- Architecture decisions written down, with the reasoning
- Hiring support for senior engineers and engineering managers
- A steady voice in board and investor conversations
"""

CTO_EXPLAINER = """\
A fractional Chief Technology Officer is an experienced technology executive who works with a company part-time, usually for a set number of days each week. They carry the responsibilities of a CTO (direction, architecture, team health and risk) without being a full-time employee.

## Who it suits

Companies between roughly ten and one hundred people often need CTO-level thinking before they can justify, or even define, a full-time CTO role. A fractional leader fills that gap and often helps write the job description for the permanent hire.

## How it differs from consulting

A consultant typically studies a problem and hands over a report. A fractional CTO is accountable for outcomes over months: they sit in leadership meetings, own decisions and stay to see them through.

## How it differs from an interim CTO

An interim executive usually works full-time for a short, fixed period, often to cover a departure. A fractional CTO works part-time for as long as it is useful, which makes the arrangement cheaper and easier to adjust.
"""

CDO_JUMBOTRON = """\
Client work getting harder to deliver on time?{.bold}

A fractional Chief Delivery Officer brings order, predictability and calm to the work your customers pay for.{.smaller}
"""

CDO_BODY = """\
As a business grows, delivery tends to become the founder's hidden second job. Every escalation lands on the same desk, estimates drift, and good people burn out carrying projects that were sold too optimistically.

## What changes with a delivery leader{.heading-wide}

A fractional CDO builds a delivery practice that does not depend on heroics:

- clear ways of estimating, planning and reporting work
- regular, honest conversations with clients about scope and progress
- project leads who are coached to make decisions on their own

### Working together

Engagements usually run at two days a week for the first quarter, then settle to one. You get a named leader, a written plan, and a short report on delivery health every month.
"""

COACHING_BODY = """\
Not every team needs a fractional executive. Sometimes the right move is to help an existing leader grow into a bigger role.

Our coaching programme pairs a newly promoted head of engineering or delivery with an experienced practitioner for fortnightly sessions over six months, with practical exercises between sessions.
"""

ABOUT_BODY = """\
Northway Leadership is a small group of technology and delivery leaders who have each run teams inside growing companies. We started the practice because we kept meeting founders who needed experienced help but not another full-time executive.

## How we work

- One named leader per client, with no hand-offs to juniors
- Plain written plans and regular reviews
- Engagements that can be paused or ended with a month's notice
"""

CONTACT_INTRO = (
    "Tell us a little about your business and what is on your mind. We read every message "
    "and reply within two working days."
)

BLOG_INTRO = "Notes on technology leadership, delivery and growing a company without burning out."

POSTS = [
    {
        "title": "Five signs your startup has outgrown its first architecture",
        "slug": "outgrown-first-architecture",
        "category": "technology-leadership",
        "author": "Priya Raman",
        "date": "2026-03-04",
        "intro": "The system that got you to your first hundred customers rarely gets you to "
        "your first thousand. Here is how to tell when it is time to change course.",
        "body": """\
Early architecture is a set of bets made with little information. That is fine: the aim at the start is to learn quickly. Trouble begins when the bets are never revisited.

## 1. Small changes need large coordination

If a simple feature touches five services and three teams, the boundaries are in the wrong place.

## 2. Nobody trusts the test suite

When engineers deploy on Friday evenings "to be safe", confidence has already gone.

## 3. Costs grow faster than customers

Infrastructure spending that outpaces revenue is usually a design smell, not a pricing problem.

## 4. Incidents repeat

The same outage twice means the lesson was not written down or not acted on.

## 5. Onboarding takes months

If new engineers need a quarter to ship safely, the system is explaining itself poorly.

None of these calls for a rewrite. Each calls for a deliberate decision, written down, with an owner.
""",
    },
    {
        "title": "Writing architecture decisions down",
        "slug": "writing-architecture-decisions-down",
        "category": "technology-leadership",
        "author": "Priya Raman",
        "date": "2026-05-19",
        "intro": "A one-page decision record saves hours of repeated debate. A simple format "
        "and the habits that make it stick.",
        "body": """\
Teams argue about the same decisions again and again because the reasoning lives in people's heads. A short written record fixes that.

## A format that works

- **Context**: what forced the decision
- **Options**: two or three realistic choices
- **Decision**: what we chose and why
- **Consequences**: what gets easier, what gets harder

## Making it a habit

Keep records next to the code, review them like code, and link to them from pull requests. After six months you will have a history of why the system looks the way it does.
""",
    },
    {
        "title": "Why delivery estimates go wrong, and what to do instead",
        "slug": "why-delivery-estimates-go-wrong",
        "category": "delivery",
        "author": "Tom Ellery",
        "date": "2026-06-10",
        "intro": "Estimates fail less because people are bad at guessing and more because of "
        "how we ask for them and what we do with them.",
        "body": """\
Most estimates are requested as a single number and received as a promise. That is the root of the problem.

## Ask for ranges

A range with a stated confidence ("four to seven weeks, fairly sure") carries far more information than "five weeks".

## Re-estimate in public

Share updated ranges with clients every fortnight. Small, early adjustments build trust; large, late ones destroy it.

## Measure the flow, not the guess

Track how long work actually takes from start to finish. After a few months that history is a better predictor than any estimate.
""",
    },
    {
        "title": "The first ninety days as a fractional delivery leader",
        "slug": "first-ninety-days-fractional-delivery-leader",
        "category": "delivery",
        "author": "Tom Ellery",
        "date": "2026-09-02",
        "intro": "What happens in the first quarter of a fractional delivery engagement, "
        "week by week.",
        "body": """\
Clients often ask what they will see, and when. Here is the usual shape of a first quarter.

## Weeks one and two: listen

Interviews with founders, project leads and a handful of clients. A look at every live project and its commitments.

## Weeks three to six: stabilise

One planning rhythm across projects, a weekly risk review, and honest conversations with any client whose project is off track.

## Weeks seven to twelve: build habits

Coaching project leads to run the rhythm themselves, so the practice keeps working on the days the fractional leader is not there.
""",
    },
]

AUTHORS = [
    {
        "name": "Priya Raman",
        "role": "Fractional CTO",
        "bio": "Priya has led engineering teams at three growing software companies and now "
        "works as a fractional CTO for founders who need a steady technical hand.",
    },
    {
        "name": "Tom Ellery",
        "role": "Fractional Chief Delivery Officer",
        "bio": "Tom has run client delivery at agencies and consultancies for fifteen years and "
        "helps growing firms deliver on time without burning out their teams.",
    },
]

CATEGORIES = [
    {
        "name": "Technology leadership",
        "slug": "technology-leadership",
        "description": "Strategy, architecture and engineering teams.",
    },
    {
        "name": "Delivery",
        "slug": "delivery",
        "description": "Planning, estimating and keeping client work on track.",
    },
]
