from evaluation.gva import Incident
from evaluation.incidents import Scores
from evaluation.out_of_fold import in_fold, pooled


def _incident(id_: str) -> Incident:
    return Incident(id_, "2015-01-01", "Ohio", "Toledo", "", 0, 0, 41.6, -83.5, ("r",))


def test_folds_split_the_incidents_by_the_parity_of_their_id():
    assert in_fold(_incident("104217"), "A") and not in_fold(_incident("104217"), "B")
    assert in_fold(_incident("104218"), "B") and not in_fold(_incident("104218"), "A")


def test_pooled_scores_weigh_each_fold_by_its_incidents_and_merging_by_its_multi_report_incidents():
    a = Scores(300, 0.9, 0.8, 0.7, 1.0, 0.1, 0.9, 700)
    b = Scores(100, 0.5, 0.4, 0.3, 0.5, 0.5, 0.7, 800)
    both = pooled([(a, 100, a.events), (b, 300, b.events)])
    assert both.incidents == 400
    assert round(both.right_event, 3) == 0.8  # (0.9 x 300 + 0.5 x 100) / 400
    assert round(both.merged, 3) == 0.625  # (1.0 x 100 + 0.5 x 300) / 400
    assert both.events == 750
