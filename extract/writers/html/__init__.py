"""The HTML review report (`kehoach report`, `kehoach convert --report`): a static folder with an
index of the batch and one page per plan, built from the plan JSON alone. Modules: build (entries
-> folder), plan_page, index_page, charts (inline SVG), stats (counts), labels (Vietnamese words),
layout (page frame and escaping); report.css and report.js are copied next to the pages."""
from .build import (ReportEntry, ReportResult, collect, from_outdir, from_results, is_output_folder,
                    write_report)

__all__ = ["ReportEntry", "ReportResult", "collect", "from_outdir", "from_results", "is_output_folder",
           "write_report"]
