from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CleanSettings:
    timeout_seconds: float = 20.0  # per-document limit for HTML extraction (hanging/ballooning pages)
    min_text_chars: int = 40  # below this the page has no story to keep
    # ... unless its title holds a headline of this many words (the site's name dropped): the report is kept
    # headline-only, with an empty body (archived local news keeping the headline and losing the story).
    # 0 = reject every page with no story text, as before.
    headline_only_min_words: int = 4
    # HTML extraction workers; 0 = one per core. Each is a sandboxed process, restarted after a timeout.
    workers: int = 0
    # address-space cap per HTML worker (MB) so a page that balloons fails alone; 0 = no cap
    worker_memory_mb: int = 2048
    # trafilatura knobs, chosen on the development half of scrapinghub_aeb (see evaluation/clean.py)
    # (dev half F1: precision 0.975, default 0.965, recall 0.966; trafilatura's misses are mostly extra text)
    favor_precision: bool = True
    favor_recall: bool = False
    # run the named page-text chrome rules over trafilatura's output too (comments, share, appeals...)
    post_filter_html: bool = True
    # and the multilingual HTML-only ones (html_rules.py: 'Lesen Sie auch', 'Quelle:', 'Keine Kommentare'...)
    # (trafilatura_eval dev half: snippet precision 0.925 -> 0.944, recall 0.915 -> 0.914, F1 0.920 -> 0.929;
    # AEB dev 0.9765 -> 0.9770)
    html_rules: bool = True
    # second opinion: when the precision body is under this share of the page's <p> text, run trafilatura's
    # default mode too, and take it when the precision body is under `second_opinion_gain` of it
    # (dev halves, with html_rules: trafilatura_eval F1 0.929 -> 0.932, AEB 0.977 -> 0.977 (test 0.955 -> 0.965);
    # the default mode runs on 6% of AEB pages and 13% of trafilatura_eval's. Page share 0.7: TE dev 0.932,
    # on 18% / 25% of pages; default always (no precision): TE dev 0.935 but AEB dev 0.967)
    second_opinion_page_share: float = 0.5
    second_opinion_gain: float = 0.3
    # put the standfirst the page shows (its description meta, found in the page's text) before the body
    # when trafilatura left it out; 0 = off. trafilatura_eval dev F1 0.932 -> 0.943 (test 0.927 -> 0.938);
    # AEB dev 0.977 -> 0.973 (AEB's gold bodies leave standfirsts out, trafilatura_eval's keep them)
    standfirst_min_chars: int = 40
    # plain-text classifier: a line is prose when it has this many words and ends like a sentence
    prose_min_words: int = 10
    # the main block is the maximum-sum run of line scores; a chrome line costs this many words
    # (both chosen by a grid on the AEB page-text dev half: 8/12 gave F1 0.873, 10/8 0.879)
    chrome_line_cost: float = 8.0
    # (a cost rising along unbroken runs of chrome was tried: 0.25 and 0.5 per line both lowered dev F1)
    # end the story at a share row / tags / appeal / related lead found after this share of its prose
    # (> 1 disables; dev half: off 0.879, 0.6 0.881, 0.8 0.886)
    end_marker_after: float = 0.8
    # (an earlier end, at 0.35, for explicit related leads alone was tried: dev 0.889 -> 0.888, since
    # 'Related: ...' and 'Don't miss' links also sit in the middle of stories)
    # a comment section with at least this many 'Fred says:' headers opens at the first one with this
    # share of the page's prose above it (fewer headers: half the prose, as a menu link can look alike)
    comment_thread_headers: int = 4
    comment_thread_story_share: float = 0.15
    # a teaser list closes the story: a header ('Read these next', 'More <site>') found after this share
    # of the block's prose, under which list lines (headlines, bylines, dates) number at least this
    # many times the sentences (dev half F1: off 0.901, 0.3/1.0 0.911; share 0.15 0.908, 0.5 0.902;
    # ratio flat from 0.6 to 1.5, 3.0 0.907)
    teaser_story_share: float = 0.3
    teaser_list_ratio: float = 1.0
    # a line of at least this many words holding three of the page's paragraphs is a copy of the story
    # (dev half F1 0.897 -> 0.901; the shortest such copy there has 435 words, the longest other line 224)
    story_copy_min_words: int = 150
    # a line printed more than once on a page is furniture (every copy) up to this many words; longer
    # repeats are left to the block finder (dev half F1: 40 words 0.9155, 60 0.9175, 80 0.9190,
    # 200 0.9190, no recall lost on either half; the repeats are gallery captions and teaser blurbs)
    duplicate_max_words: int = 80
