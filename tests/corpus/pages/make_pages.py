"""Write the generated part of the page corpus: our stories inside the chrome of real sites.

Each story of ``tests/corpus/junk`` (written by us; its ``S`` lines are the ground truth) is
set inside a whole web page as a simple scraper dumps it: menus, banners, a repeated
headline, bylines, share bars, captions, inline teasers, newsletter and paywall prompts,
market-data strips, related-story teasers with summaries, reader comments and footers.
Every chrome line below is our own wording of a kind of junk seen on real news sites; the
page shapes (where the junk sits) follow the whole-page dumps measured for issue 12.

The output is committed (``gen-NN_slug.txt``), so the corpus can be read and diffed; rerun
this script after changing it: ``python tests/corpus/pages/make_pages.py``. Deterministic.
"""

from __future__ import annotations

import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
JUNK = HERE.parent / "junk"

MENUS = [
    ["Home", "News", "Local", "Politics", "Business", "Sport", "Opinion", "Weather", "Menu"],
    ["Skip to content", "Search", "Sections", "World", "Nation", "Money", "Tech", "Life",
     "Sign in", "Subscribe"],
    ["Top stories", "Latest", "Video", "Podcasts", "Newsletters", "Events", "Shop", "Log in"],
    ["Edition", "US", "International", "Español", "Markets", "Pre-markets", "After-hours",
     "Watch live"],
]
TOP_NOTICES = [
    "We've noticed you are using an outdated browser. For the best experience on our site, "
    "please update Internet Explorer or switch to another browser.",
    "Your browser is no longer supported. Some parts of this page may not display "
    "correctly until you upgrade to a current version.",
    "Talk to us on WhatsApp. Get the day's biggest stories sent to your phone as they happen.",
    "Message us on Facebook Messenger. Find out what is happening in the world as it unfolds.",
    "This website uses cookies and similar technologies to improve your experience, "
    "measure traffic and show you relevant offers. You can change your choices at any time.",
    "We value your privacy. We and our partners store and access information on your device "
    "to deliver personalised content and to measure how it performs.",
    "Get our app: faster pages, saved stories and alerts when news breaks near you.",
    "You are reading your last free story this month. Become a member today for just "
    "$1 a week and keep reading without limits.",
]
MARKET = [
    "DOW 41,208.15 +0.42%", "S&P 500 5,612.80 -0.18%", "NASDAQ 17,944.31 +0.07%",
    "Quotes are delayed by at least 15 minutes unless noted otherwise.",
    "Market data is provided by an outside vendor and is for information only, not for "
    "trading purposes or advice.",
    "All times are Eastern. Prices shown in local currency where the exchange reports them.",
]
BYLINES = ["By {author}", "{author}, Staff Writer", "By {author} and {author2}",
           "Written by {author} | Updated {date}"]
DATES = ["Published 6:42 AM EST, Tue November 24, 2026", "Nov. 24, 2026, 7:15 a.m.",
         "Updated 2 hours ago", "Tuesday 24 November 2026 08:30 GMT", "3 min read",
         "Listen to this article · 4 min"]
SHARE = [["Share", "Facebook", "X", "Email", "Copy link"], ["Link copied!"],
         ["Share this article", "Save", "Gift this article"], ["Comments 48", "Share"],
         ["Ad Feedback"], ["Print", "Text size", "A A"]]
CAPTIONS = [
    "People walk past the building on a rainy morning earlier this week.",
    "A view of the site from the main road, where work is expected to begin next year.",
    "Residents gathered outside the hall before the meeting started on Monday evening.",
    "The entrance to the offices, photographed in the spring.",
    "Volunteers sort donations at a warehouse on the edge of town.",
]
CREDITS = ["Photo: Staff photographer", "Image: File", "Credit: Supplied",
           "Mara Quint/The Gazette", "Handout photo"]
INLINE = [
    "READ MORE: Why the ring road still has no opening date",
    "Related: The five things to know before the budget vote",
    "Sign up for our morning briefing and start every day knowing what matters in your town.",
    "Don't miss a story: get breaking news alerts sent straight to your phone.",
    "Advertisement",
    "Story continues below advertisement",
    "Want more stories like this? Follow us to get them in your feed.",
    "This is a developing story and will be updated as more information becomes available.",
    "Subscribers can read this article in full. Already a member? Sign in to keep reading.",
    "Listen to this story. Enjoy more audio and podcasts on our app.",
]
TEASER_HEADINGS = ["More from News", "Related stories", "You might also like", "Most read",
                   "Trending now", "Around the region", "Editor's picks", "Popular today"]
TEASERS = [
    ("Council delays decision on new parking meters", "Traders had asked for more time "
     "to study the plan, and the council agreed to wait until the spring."),
    ("Storm brings down trees across the north side", "Crews worked through the night to "
     "clear roads after winds reached 60 miles per hour."),
    ("Local swimmer sets national record at indoor meet", "The 17-year-old took more than "
     "a second off the previous best in the 200 metres."),
    ("What the new bin collection schedule means for you", "Most households will see "
     "collections move to a Thursday from the start of next month."),
    ("Former mayor to run again after eight years away", "She said she wanted to finish "
     "the work she started on the waterfront."),
    ("Rail fares to rise in January, operator confirms", "Season tickets will go up by "
     "about 4 per cent, the largest increase in five years."),
    ("Police appeal for witnesses after crash on bypass", "Two people were taken to "
     "hospital with injuries that are not thought to be life-threatening."),
    ("Inside the bakery that has fed the town for a century", "The family now runs it in "
     "its fourth generation and still bakes every loaf by hand."),
]
COMMENT_HEADINGS = ["Comments", "Join the conversation", "Reader comments (23)",
                    "What readers are saying", "Conversation"]
COMMENTERS = ["harbourfan77 · 2 hours ago", "J. Morrow", "KateInTheValley", "Reply · Like 12",
              "Oldtimer_Frank 5h", "reply", "Report", "Sam P. · 1 day ago"]
COMMENTS = [
    "I have lived here for thirty years and I have never seen the council move this "
    "quickly on anything, so I will believe it when I see it.",
    "This is exactly what we were promised last time, and nothing happened. Why should "
    "anyone trust them now?",
    "Great reporting as always. My daughter works nearby and she says people have been "
    "talking about this for months.",
    "Does anyone know whether the changes will affect the people who live on the east side "
    "of the river as well?",
    "Honestly, the money would be better spent fixing the roads we already have before "
    "building anything new.",
]
FOOTERS = [
    "About us", "Contact", "Advertise with us", "Terms of use", "Privacy policy",
    "Cookie settings", "Accessibility", "Careers",
    "© 2026 The Example Media Group. All rights reserved.",
    "Part of a network of independent local newsrooms serving readers across the region "
    "since 1921.",
    "Do not sell or share my personal information",
]
AUTHORS = ["Priya Nandakumar", "Tom Feld", "Alicia Okoro", "Ben Hartley", "Ruth Calloway",
           "Diego Serrano", "Ingrid Sæther", "Kwame Mensah"]


def stories() -> list[tuple[str, str, list[str]]]:
    """(name, title, story lines) of every junk-corpus article; ``S`` lines are the body."""
    found = []
    for path in sorted(JUNK.glob("*.txt")):
        title, body = "", []
        for line in path.read_text(encoding="utf-8").splitlines():
            label, _, text = line.partition("\t")
            if label == "T":
                title = text
            elif label == "S":
                body.append(text)
        found.append((path.stem, title, body))
    return found


def page(index: int, title: str, body: list[str], rng: random.Random) -> list[tuple[str, str]]:
    """One page as (label, line): N before the article, J in it, S/H story, R after, C comments."""
    out: list[tuple[str, str]] = [("T", title)]
    shape = index % 8  # every shape of junk appears on several pages
    out += [("N", m) for m in rng.choice(MENUS)]
    if shape in (0, 3, 6):
        out.append(("N", rng.choice(TOP_NOTICES)))
    if shape in (1, 5):
        out += [("N", m) for m in MARKET[: rng.randint(3, 6)]]
    out.append(("J", title))  # the page's own <h1>
    author, author2 = rng.sample(AUTHORS, 2)
    out.append(("J", rng.choice(BYLINES).format(author=author, author2=author2,
                                                date=DATES[1])))
    out.append(("J", rng.choice(DATES)))
    out += [("J", s) for s in rng.choice(SHARE)]
    if shape in (2, 4, 7):  # prose-shaped junk right above the lead
        out.append(("J", rng.choice(TOP_NOTICES)))
    if shape == 5:  # the market strip's credit again, under the headline
        out.append(("J", MARKET[3]))
    if rng.random() < 0.6:
        out += [("J", rng.choice(CAPTIONS)), ("J", rng.choice(CREDITS))]
    inserts = rng.sample(range(1, max(2, len(body))), k=min(2, max(0, len(body) - 1)))
    for i, line in enumerate(body):
        if i in inserts:
            kind = rng.random()
            if kind < 0.4:
                out += [("J", rng.choice(CAPTIONS)), ("J", rng.choice(CREDITS))]
            else:
                out.append(("J", rng.choice(INLINE)))
        label = "H" if len(line.split()) <= 8 and not line.rstrip().endswith(".") else "S"
        out.append((label, line))
    out += [("R", s) for s in rng.choice(SHARE)]
    if shape in (0, 2, 4, 6):
        out.append(("R", rng.choice(TEASER_HEADINGS)))
        for head, summary in rng.sample(TEASERS, 3):
            out += [("R", head), ("R", summary)]
    if shape in (1, 3, 5, 7):
        out.append(("C", rng.choice(COMMENT_HEADINGS)))
        for comment in rng.sample(COMMENTS, 3):
            out += [("C", rng.choice(COMMENTERS)), ("C", comment)]
    out += [("R", f) for f in rng.sample(FOOTERS, 5)]
    return out


def main() -> None:
    rng = random.Random(12)
    for old in HERE.glob("gen-*.txt"):
        old.unlink()
    for index, (name, title, body) in enumerate(stories()):
        lines = page(index, title, body, rng)
        slug = name.split("_", 1)[1]
        path = HERE / f"gen-{index + 1:02d}_{slug}.txt"
        path.write_text("".join(f"{label}\t{text}\n" for label, text in lines), encoding="utf-8")


if __name__ == "__main__":
    main()
