from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CleanSettings:
    timeout_seconds: float = 20.0  # per-document limit for HTML extraction (hanging/ballooning pages)
    min_text_chars: int = 40  # below this the page has no story to keep
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
