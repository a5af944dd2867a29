"""Writers: plan dicts -> files. json (per plan, plans.jsonl), csv (combined tables), xlsx (per plan
and combined), sqlite (combined database), report (terminal text); `tables` flattens a plan into
the rows they share; every file is written atomically (`atomic`)."""
