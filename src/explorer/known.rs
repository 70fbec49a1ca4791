//! Query parameters Treeherder's views read that its generated schema does not list (its
//! `ViewSet.list` methods read `request.query_params` directly, which drf-spectacular cannot
//! see). Taken from `treeherder/webapp/api/{push,jobs,performance_data}.py`; shown in the
//! parameters table marked as such, offered in the try-it form, and searchable.

/// (path, [(name, description)]) for GET operations.
const KNOWN: &[(&str, &[(&str, &str)])] = &[
    (
        "/api/project/{project}/push/",
        &[
            ("count", "Number of pushes to return (the server caps it at 1000)."),
            ("full", "`true` to include every revision of each push."),
            ("revision", "A push's top revision (12 or 40 hex digits)."),
            ("commit_revision", "Any revision inside a push."),
            ("author", "Pusher's e-mail; `-author` excludes one."),
            ("fromchange", "Revision: pushes from this one on."),
            ("tochange", "Revision: pushes up to this one."),
            ("startdate", "Date (YYYY-MM-DD): pushes on or after."),
            ("enddate", "Date (YYYY-MM-DD): pushes before the day after."),
            ("push_timestamp__gte", "Unix time: pushes at or after."),
            ("push_timestamp__lte", "Unix time: pushes at or before."),
            ("push_timestamp__gt", "Unix time: pushes after."),
            ("push_timestamp__lt", "Unix time: pushes before."),
            ("id__in", "Comma-separated push ids."),
        ],
    ),
    (
        "/api/project/{project}/jobs/",
        &[
            ("count", "Jobs per page (at most 2000)."),
            ("offset", "Jobs to skip (paging)."),
            ("push_id", "Jobs of one push."),
            ("push_id__in", "Comma-separated push ids."),
            ("job_guid", "One job by its guid."),
            ("job_type_name", "Exact job name."),
            ("result", "success, testfailed, busted, exception, retry, usercancel, unknown…"),
            ("state", "pending, running or completed."),
            ("tier", "1, 2 or 3."),
            ("last_modified__gt", "ISO time: jobs changed since (live updates)."),
            ("return_type", "`list` for rows with `job_property_names` (the default) or `dict`."),
        ],
    ),
    (
        "/api/project/{project}/performance/signatures/",
        &[
            ("signature", "Signature hash (repeatable)."),
            ("id", "Signature id (repeatable)."),
            ("parent_signature", "Parent signature hash: its subtests (repeatable)."),
            ("subtests", "`0` to leave subtests out."),
            ("framework", "Framework id (repeatable)."),
            ("platform", "Machine platform name."),
            ("interval", "Seconds: signatures updated within this time."),
            ("start_date", "YYYY-MM-DDTHH:MM:SS (not with interval)."),
            ("end_date", "YYYY-MM-DDTHH:MM:SS (not with interval)."),
        ],
    ),
    (
        "/api/project/{project}/performance/data/",
        &[
            ("signature_id", "Signature id (repeatable)."),
            ("signatures", "Signature hash (repeatable; deprecated, not with signature_id)."),
            ("push_id", "Push id (repeatable)."),
            ("job_id", "Job id (repeatable)."),
            ("framework", "Framework id (repeatable)."),
            ("interval", "Seconds back from now (not with dates)."),
            ("start_date", "YYYY-MM-DDTHH:MM:SS."),
            ("end_date", "YYYY-MM-DDTHH:MM:SS."),
            ("no_retriggers", "`true`: one value per push and signature."),
        ],
    ),
    (
        "/api/project/{project}/performance/platforms/",
        &[("interval", "Seconds: platforms with data within this time."), ("framework", "Framework id (repeatable).")],
    ),
];

/// The undocumented parameters of a GET on `path`.
pub fn query_params(method: &str, path: &str) -> &'static [(&'static str, &'static str)] {
    if !method.eq_ignore_ascii_case("get") {
        return &[];
    }
    KNOWN.iter().find(|(p, _)| *p == path).map_or(&[], |(_, params)| params)
}
