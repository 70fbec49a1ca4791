//! Generated pushes and jobs of realistic shape, for scale benchmarks and live-update tests:
//! real platform names, job types, symbols and groups (taken from the recording), chunked the
//! way big test suites are, with Treeherder's usual mix of results.

use crate::clock::iso;
use crate::store::{Commit, JobRecord, LogRecord, PushRecord, Store};

/// A deterministic generator (the same seed gives the same pushes).
pub struct Generator {
    rng: fastrand::Rng,
    templates: Vec<JobRecord>,
    next_type_id: i64,
}

const AUTHORS: [&str; 6] = [
    "Kavya Rao <krao@example.com>",
    "Liam O'Brien <lobrien@example.com>",
    "Hiro Tanaka <htanaka@example.com>",
    "Sofia Marin <smarin@example.com>",
    "Ada Okafor <aokafor@example.com>",
    "Mateo Silva <msilva@example.com>",
];

const SUBJECTS: [&str; 8] = [
    "Reduce allocations in style recalc",
    "Fix flaky timeout in network monitor test",
    "Update the WebRender picture cache heuristics",
    "Add telemetry for the URL bar cache",
    "Refactor the JIT baseline compiler entry points",
    "Avoid a main-thread sync IPC during startup",
    "Make the devtools inspector lazy-load panels",
    "Tighten CSP for about: pages",
];

impl Generator {
    /// Templates are the distinct job kinds of the recorded autoland pushes.
    pub fn new(store: &Store, seed: u64) -> Self {
        let mut seen = std::collections::HashSet::new();
        let mut templates: Vec<JobRecord> = store
            .jobs
            .values()
            .filter(|j| store.repository_of_job(j) == Some("autoland"))
            .filter(|j| seen.insert(j.signature.clone()))
            .cloned()
            .collect();
        templates.sort_by_key(|j| j.id);
        let next_type_id = store.jobs.values().map(|j| j.job_type_id).max().unwrap_or(0) + 1;
        Generator { rng: fastrand::Rng::with_seed(seed), templates, next_type_id }
    }

    fn hex(&mut self, len: usize) -> String {
        (0..len).map(|_| char::from_digit(self.rng.u32(0..16), 16).unwrap_or('0')).collect()
    }

    fn slug(&mut self, len: usize) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        (0..len).map(|_| ALPHABET[self.rng.usize(0..ALPHABET.len())] as char).collect()
    }

    /// Adds a push with `job_count` jobs to `repository`, pushed at `push_time`. Jobs of the
    /// newest push (`in_progress`) are partly pending and running.
    pub fn add_push(&mut self, store: &mut Store, repository: &str, job_count: usize, push_time: i64, now: f64, in_progress: bool) -> i64 {
        let commits = self.rng.usize(1..4);
        self.add_push_with_commits(store, repository, job_count, commits, push_time, now, in_progress)
    }

    /// [`Generator::add_push`] with a given number of commits (Treeherder shows 20 of them).
    #[allow(clippy::too_many_arguments)]
    pub fn add_push_with_commits(
        &mut self,
        store: &mut Store,
        repository: &str,
        job_count: usize,
        commit_count: usize,
        push_time: i64,
        now: f64,
        in_progress: bool,
    ) -> i64 {
        let push_id = store.next_push_id();
        let repository_id = store.repository_ids.get(repository).copied().unwrap_or(0);
        let author = AUTHORS[self.rng.usize(0..AUTHORS.len())];
        let email = author.split('<').nth(1).unwrap_or("").trim_end_matches('>').to_string();
        let commits: Vec<Commit> = (0..commit_count.max(1))
            .map(|_| Commit {
                result_set_id: push_id,
                repository_id,
                revision: self.hex(40),
                author: author.to_string(),
                comments: format!(
                    "Bug {} - {} r=reviewer\n\nDifferential Revision: https://phabricator.services.mozilla.com/D{}",
                    self.rng.u32(1_900_000..1_999_999),
                    SUBJECTS[self.rng.usize(0..SUBJECTS.len())],
                    self.rng.u32(200_000..299_999)
                ),
            })
            .collect();
        let revision = commits[0].revision.clone();
        store.pushes.insert(
            push_id,
            PushRecord {
                id: push_id,
                repository: repository.to_string(),
                repository_id,
                revision: revision.clone(),
                author: email.clone(),
                branch: None,
                revision_count: commits.len() as i64,
                commits,
                push_timestamp: push_time,
            },
        );
        let mut log_id = store.next_log_id();
        // Each job ranks after every other row; asked once per push (it scans every job), so a
        // 50,000-job store starts in seconds, not half a minute.
        let first_rank = store.next_heap_rank();
        for n in 0..job_count {
            let mut job = self.job(store, push_id, &email, n, push_time, now, in_progress);
            job.heap_rank = first_rank + n as i64;
            let url = format!(
                "https://firefox-ci-tc.services.mozilla.com/api/queue/v1/task/{}/runs/0/artifacts/public/logs/live_backing.log",
                job.task_id
            );
            if job.state == "completed" {
                store.logs.insert(
                    job.id,
                    vec![LogRecord {
                        id: log_id,
                        job_id: job.id,
                        name: "live_backing_log".into(),
                        url,
                        parse_status: "parsed".into(),
                        heap_rank: job.heap_rank,
                    }],
                );
                log_id += 1;
            }
            store.insert_job(job);
        }
        push_id
    }

    #[allow(clippy::too_many_arguments)]
    fn job(&mut self, store: &Store, push_id: i64, who: &str, n: usize, push_time: i64, now: f64, in_progress: bool) -> JobRecord {
        let template = &self.templates[n % self.templates.len().max(1)];
        let mut job = template.clone();
        // Past the recorded kinds, big suites are chunked further: bc2 → bc2-7, name …-2 → …-2-7.
        let round = n / self.templates.len().max(1);
        if round > 0 {
            job.job_type_name = format!("{}-{}", template.job_type_name, round + 1);
            job.job_type_symbol = format!("{}-{}", template.job_type_symbol, round + 1);
            job.job_type_id = self.next_type_id + n as i64;
            job.signature = stable_hash(&format!("{}|{}|{}", job.job_type_name, job.platform, job.platform_option));
            job.ref_data_name = job.signature.clone();
        }
        job.id = store.next_job_id();
        job.push_id = push_id;
        job.result_set_id = push_id;
        job.job_guid = format!("{}-{}-{}-{}-{}/0", self.hex(8), self.hex(4), self.hex(4), self.hex(4), self.hex(12));
        job.task_id = self.slug(22);
        job.retry_id = 0;
        job.who = who.to_string();
        job.machine_name = format!("i-{}", self.hex(16));
        job.failure_classification_id = 1;
        job.submit_timestamp = push_time + 60 + self.rng.i64(0..600);
        let roll = self.rng.u32(0..1000);
        let (state, result) = if in_progress && roll < 250 {
            ("pending", "unknown")
        } else if in_progress && roll < 500 {
            ("running", "unknown")
        } else {
            match self.rng.u32(0..1000) {
                0..=19 => ("completed", "testfailed"),
                20..=29 => ("completed", "retry"),
                30..=37 => ("completed", "exception"),
                38 => ("completed", "busted"),
                39..=41 => ("completed", "usercancel"),
                _ => ("completed", "success"),
            }
        };
        job.state = state.into();
        job.result = result.into();
        job.start_timestamp = if state == "pending" { 0 } else { job.submit_timestamp + self.rng.i64(30..300) };
        job.end_timestamp = if state == "completed" { job.start_timestamp + self.rng.i64(120..3600) } else { 0 };
        job.recorded_duration = None;
        let modified = now - self.rng.f64() * 60.0;
        job.last_modified = iso(modified);
        job.last_modified_secs = crate::clock::parse_datetime(&job.last_modified).unwrap_or(modified);
        job
    }
}

/// `--synthetic PUSHES:JOBS_PER_PUSH`: pushes on the `try` repository (where 20–50k-job pushes
/// are real), ten minutes apart up to now; the newest still in progress.
pub fn populate(store: &mut Store, pushes: usize, jobs_per_push: usize, now: f64) -> Vec<i64> {
    let mut generator = Generator::new(store, 1_990_001);
    (0..pushes)
        .map(|i| {
            let push_time = now as i64 - ((pushes - 1 - i) as i64) * 600 - 300;
            generator.add_push(store, "try", jobs_per_push, push_time, now, i + 1 == pushes)
        })
        .collect()
}

/// Parses `PUSHES:JOBS_PER_PUSH`.
pub fn parse_spec(spec: &str) -> Result<(usize, usize), String> {
    let (p, j) = spec.split_once(':').ok_or_else(|| format!("--synthetic wants PUSHES:JOBS_PER_PUSH, got {spec:?}"))?;
    let pushes = p.trim().parse().map_err(|_| format!("--synthetic: {p:?} is not a number of pushes"))?;
    let jobs = j.trim().parse().map_err(|_| format!("--synthetic: {j:?} is not a number of jobs"))?;
    Ok((pushes, jobs))
}

/// A 40-hex-digit digest of a job kind, so the same kind gets the same signature in every push.
fn stable_hash(text: &str) -> String {
    let mut out = String::with_capacity(40);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for round in 0..3u64 {
        for b in text.bytes().chain(round.to_le_bytes()) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        out.push_str(&format!("{h:016x}"));
    }
    out.truncate(40);
    out
}
