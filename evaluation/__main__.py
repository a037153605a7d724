"""Run every stage's evaluation in pipeline order: ``python -m evaluation [stage ...] [--quick]``."""

import sys

from evaluation.common import run_stage_modules

if __name__ == "__main__":
    sys.exit(run_stage_modules("evaluation", sys.argv[1:]))
