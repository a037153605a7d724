import re

from newsfuse.records import Document, Passage
from newsfuse.report import render_report, write_report
from newsfuse.report.marks import Mark, marks_for, segments
from tests.export.sample_records import TEXT_B, WIRE, FakeStore, sample_snapshot, store_snapshot

HTML = render_report(sample_snapshot())


def test_report_is_self_contained_with_no_external_resources():
    assert not re.search(r'(src|href)="(https?:)?//', HTML.replace('href="https://example.org/a"', ""))
    assert "<link" not in HTML and "@import" not in HTML


def test_document_text_is_escaped_not_injected():
    assert "&lt;b&gt;curfews&lt;/b&gt;" in HTML
    assert "<b>curfews</b>" not in HTML


def test_brief_sentences_cite_documents_by_story_number():
    brief = HTML.split('class="brief"')[1].split("</div>")[0]
    assert 'href="#doc-aaaa000000000001"' in brief and ">[1]<" in brief


def test_contradicting_values_are_shown_with_the_documents_reporting_them():
    block = HTML.split('class="contradictions"')[1].split("</ul>")[0]
    assert re.search(r'class="value">15<.*Wire Daily.*Republisher', block, re.S)
    assert re.search(r'class="value">17<.*Kirkuk Herald', block, re.S)


def test_events_table_flags_the_conflicting_cell():
    row = HTML.split('id="ev-ev01"')[1].split("</tr>")[0]
    assert "num conflict" in row and "Hawija" in row


def test_republication_is_named_in_the_sources_and_shared_passages_link_across():
    assert "republication of Wire Daily" in HTML
    assert 'href="#pass-aaaa000000000001-25"' in HTML  # from the republisher's copy to the original
    assert 'id="pass-aaaa000000000001-25"' in HTML


def test_removed_boilerplate_is_listed_with_reasons():
    assert "2 pieces of page chrome removed" in HTML
    assert re.search(r'class="reason">share</span> Share on Facebook', HTML)


def test_event_without_coordinates_is_counted_under_the_map():
    basra = HTML.split('id="story-st02"')[1].split("<h3>Events")[0]
    assert 'class="map"' not in basra
    assert "1 event without coordinates, not on a map" in basra


def test_shared_passage_segments_follow_the_passage_boundaries():
    doc = Document("d", "s", TEXT_B, paragraphs=((0, len(TEXT_B)),))
    start = TEXT_B.index(WIRE)
    (para,) = segments(doc, [Mark(start, start + len(WIRE), "o", 0, "near_duplicate")])
    assert [s.text for s in para] == ["From Reuters: ", WIRE, " Comments are closed."]
    assert para[1].anchors == (start,) and not para[0].marks


def test_overlapping_passages_from_two_documents_mark_one_run_with_both():
    doc = Document("d", "s", "abcdefghij")
    marks = [Mark(0, 6, "x", 0, "shared_passages"), Mark(3, 10, "y", 0, "shared_passages")]
    (para,) = segments(doc, marks)
    assert [(s.text, {m.other for m in s.marks}) for s in para] == [
        ("abc", {"x"}), ("def", {"x", "y"}), ("ghij", {"y"})]


def test_marks_are_read_from_either_side_of_a_relation():
    g = sample_snapshot().graph
    (rel,) = g.relations
    (mark,) = marks_for(rel.b, g)
    p: Passage = rel.passages[0]
    assert (mark.start, mark.other, mark.other_start) == (p.b_start, rel.a, p.a_start)


def test_write_report_writes_one_html_file(tmp_path):
    out = write_report(FakeStore(), tmp_path / "sub" / "report.html")
    assert out.read_text().startswith("<!doctype html>")


def test_duplicates_without_an_evident_original_are_not_called_republications():
    from dataclasses import replace

    from newsfuse.report.view import copy_roles

    snap = sample_snapshot()
    (rel,) = snap.graph.relations
    undirected = replace(snap.graph, relations=(replace(rel, kind="duplicate", original=None),))
    assert copy_roles(rel.b, undirected) == (None, [rel.a])
    assert copy_roles(rel.b, snap.graph) == (rel.a, [])
    html = render_report(replace(snap, graph=undirected))
    assert "republication of" not in html and "same text as Wire Daily" in html


def test_events_of_no_known_story_get_their_own_section_with_their_documents():
    from dataclasses import replace

    snap = sample_snapshot()
    html = render_report(replace(snap, stories=snap.stories[:1]))
    section = html.split('id="story-no-story"')[1]
    assert "Events in no story" in section and 'id="ev-ev02"' in section
    assert 'id="doc-dddd000000000004"' in section
    assert html.count('id="doc-dddd000000000004"') == 1


def test_sentences_events_were_read_from_link_to_their_event_once():
    doc_a = HTML.split('id="doc-aaaa000000000001"')[1].split("</details>")[0]
    assert 'class="evidence" title="event read here: Armed clash at Hawija"' in doc_a
    assert doc_a.count('href="#ev-ev01"') == 1
    basra = HTML.split('id="doc-dddd000000000004"')[1].split("</details>")[0]
    assert 'href="#ev-ev02"' in basra


def test_exact_duplicates_are_tagged_not_painted_over():
    from dataclasses import replace

    snap = sample_snapshot()
    (rel,) = snap.graph.relations
    dup = replace(snap.graph, relations=(replace(rel, kind="duplicate"),))
    assert marks_for(rel.a, dup) == []


def test_a_passage_shared_with_another_outlet_wins_the_colour_over_a_republication():
    doc = Document("d", "s", "abcdefghij")
    marks = [Mark(0, 10, "x", 0, "near_duplicate"), Mark(2, 5, "y", 0, "shared_passages")]
    (para,) = segments(doc, marks)
    assert para[1].marks[0].other == "y"


def test_report_reads_a_real_store(tmp_path):
    from newsfuse.store import Store

    db = store_snapshot(tmp_path / "news.duckdb")
    with Store(db, read_only=True) as store:
        html = write_report(store, tmp_path / "r.html").read_text()
    assert html == HTML


def test_a_busy_month_gets_a_close_up_when_stray_dates_stretch_the_timeline():
    from datetime import date, timedelta

    from newsfuse.report.svg import Span
    from newsfuse.report.view import busiest_window

    june = [Span(date(2014, 6, 1) + timedelta(days=i), date(2014, 6, 1) + timedelta(days=i), "", "#", "Battles")
            for i in range(0, 20, 4)]
    stray = Span(date(2013, 4, 1), date(2013, 4, 30), "", "#", "Protests")
    assert busiest_window(june + [stray]) == june
    assert busiest_window(june) == []  # all in one month already: no close-up


def test_report_opens_with_an_overview_map_timeline_and_story_list():
    overview = HTML.split('id="overview"')[1].split('class="story"')[0]
    assert 'class="map"' in overview and 'class="timeline"' in overview
    assert "Checkpoint attack near Hawija" in overview and "Electricity protest in Basra" in overview


def test_a_large_corpus_is_paged_ten_stories_at_a_time():
    from newsfuse.export import Snapshot
    from newsfuse.records import Story

    snap = Snapshot(stories=tuple(Story(f"s{i:02d}", f"Story {i}", ()) for i in range(23)))
    html = render_report(snap)
    pages = re.findall(r'<section class="story" id="story-s\d+" data-page="(\d)"', html)
    assert pages.count("1") == 10 and pages.count("3") == 3
    assert "var pages = 3;" in html and 'class="pager"' in html


def test_the_page_holds_the_borders_once_for_all_its_maps():
    assert HTML.count('id="nf-world"') == 1 and HTML.count('href="#nf-world"') == HTML.count('class="map"')
