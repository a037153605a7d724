from newsfuse.clean import rules
from newsfuse.clean.lines import make_line


def reason(text: str) -> str | None:
    return rules.first_rule(make_line(0, text))


def test_share_row_glued_together_is_share():
    assert reason("Send in e-mailSend in e-mail") == "share"
    assert reason("Share | Tweet | Email | Print") == "share"


def test_story_sentence_mentioning_facebook_is_not_share():
    assert reason("Militants posted the video on Facebook late on Tuesday, a spokesman said.") is None


def test_photo_credit_glued_to_caption_is_caption():
    assert reason("Police officers stand at a checkpoint near Mosul.Credit: AFP") == "caption"
    assert reason("Click to view larger map.") == "caption"


def test_donation_appeal_addressed_to_reader_is_appeal():
    assert reason("Do you value our reporting? Support our work with a tax-deductible donation today.") == "appeal"
    assert reason("NEWSLETTER") == "appeal"


def test_story_about_a_free_trial_is_not_an_appeal():
    line = "If you only want the news app, you can sign up for a free 30-day trial and cancel at any time later on."
    assert reason(line) is None


def test_title_17_notice_is_copyright():
    line = "This report was published on 02Mar19 by the Example Archive. In accordance with Title 17 U.S.C. Section 107, it is shared for research."
    assert reason(line) == "copyright"


def test_tags_line_is_tags():
    assert reason("Tags: Iraq, Anbar, border") == "tags"


def test_source_line_is_source_line():
    assert reason("[Source: By Jane Doe, Desert Dispatch, 03Feb15]") == "source-line"


def test_related_lead_is_related():
    assert reason("Read more: Floods cut the road to Basra") == "related"


def test_comment_header_needs_a_name_and_colon():
    assert rules.comment_header(make_line(0, "• Layla says:"))
    assert not rules.comment_header(make_line(0, "He said, she said"))


def test_byline_name_is_read():
    assert rules.byline_name(make_line(0, "By Omar Haddad")) == "Omar Haddad"


def test_author_bio_is_recognised():
    assert rules.author_bio(make_line(0, "Omar Haddad is a senior correspondent for the Desert Dispatch based in Amman."))


def test_wire_staff_tag_line_is_a_credit_line():
    assert reason("(Reporting by Jane Doe; Editing by John Roe)") == "credit-line"


def test_section_leads_for_other_stories_are_related():
    assert reason("Read these next") == "related"
    assert reason("More in World") == "related"
    assert reason("You might also enjoy:") == "related"


def test_cookie_banner_is_cookies_but_a_story_about_cookies_is_not():
    assert reason("This website uses cookies to improve your experience. Accept all") == "cookies"
    assert reason("Necessary cookies are absolutely essential for the website to function properly.") == "cookies"
    assert reason("The biscuit factory in Sulaymaniyah made cookies for the whole province until it closed.") is None


def test_lines_without_any_rule_cue_skip_the_chain_but_keep_their_answer():
    # the cue gate in first_rule must never hide a rule: every registered rule's hits hold a cue
    assert reason("X") == "share"
    assert reason("Facebook X") == "share"
    assert reason("| Share |") == "share"
    assert reason("Show more comments (20)") is None  # a comment header, read by comment_header, not a rule
    assert rules.comment_header(make_line(0, "Show more comments (20)"))


CHROME = [
    "Send in e-mailSend in e-mail", "Share | Tweet | Email | Print", "Police officers stand at a checkpoint.Credit: AFP",
    "Do you value our reporting? Support our work with a tax-deductible donation today.", "NEWSLETTER",
    "Sign up", "Log in", "Subscribe now for unlimited access", "Advertisement", "Tags: Iraq, Anbar, border",
    "[Source: By Jane Doe, Desert Dispatch, 03Feb15]", "Read more: Floods cut the road to Basra",
    "(Reporting by Omar Haddad; Editing by Jane Doe)", "Follow Rudaw on Facebook and Instagram",
    "© 2015 Desert Dispatch. All rights reserved.", "Privacy Policy", "Most read", "Watch:", "* * *", "X",
    "Thanks for reading! Become a member today.", "This site uses cookies. Accept cookies",
]


def test_cue_gate_gives_the_same_answer_as_running_every_rule():
    for text in CHROME + ["Militants posted the video on Facebook late on Tuesday, a spokesman said."]:
        line = make_line(0, text)
        unguarded = next((name for name, fn in rules.RULES if fn(line)), None)
        assert rules.first_rule(line) == unguarded, text
        assert rules.first_rule(line, rules.cued_lines([line])[0]) == unguarded, text
    assert all(rules.first_rule(make_line(0, t)) for t in CHROME)


def test_cue_masks_wake_the_same_rule_as_running_every_rule():
    # per line only the rules whose cues it holds run; long lines run the rules that take long lines
    texts = CHROME + [
        "Militants posted the video on Facebook late on Tuesday, a spokesman said.",
        "Tags: " + ", ".join(["Iraq", "Anbar", "border", "Qaim", "Syria", "ISIS", "army"] * 8),
        "Please support us: " + "your donation keeps our reporters in the field and " * 6 + "thank you.",
        "Share", "",
    ]
    lines = [make_line(i, t) for i, t in enumerate(texts)]
    for line, mask in zip(lines, rules.cue_masks(lines), strict=True):
        unguarded = next((name for name, fn in rules.RULES if fn(line)), None)
        assert rules.first_rule(line, mask) == unguarded, line.text
    assert rules.first_rule(lines[-4], rules.cue_masks(lines)[-4]) == "tags"


def test_a_long_paragraph_is_not_searched_for_cues():
    line = make_line(0, "The council said the new share of the budget would follow the plan " * 5)
    assert line.words > 40
    assert rules.cue_masks([line]) == [rules._LONG_LINE_RULES]


def test_about_a_name_heads_the_writers_box_but_about_us_does_not():
    assert rules.author_box_header(make_line(0, "About Omar Haddad"))
    assert rules.author_box_header(make_line(0, "Sobre Carlos Nadalim"))
    assert rules.author_box_header(make_line(0, "About the author"))
    assert not rules.author_box_header(make_line(0, "About Us"))
    assert not rules.author_box_header(make_line(0, "More about the floods in Basra"))


def test_comment_headers_of_a_page_are_the_lines_comment_header_takes():
    texts = ["• Layla says:", "He said, she said", "12 Comments", "Leave a Reply", "Join the discussion",
             "Responses", "Show more comments (20)", "Read more: Floods cut the road", "Sami wrote:"]
    lines = [make_line(i, t) for i, t in enumerate(texts)]
    assert rules.comment_headers(lines) == [ln.index for ln in lines if rules.comment_header(ln)]
    assert rules.comment_headers(lines) == [0, 2, 3, 4, 5, 6, 8]
