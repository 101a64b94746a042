//! The command line as publishers run it: output, messages and exit codes of the real binary,
//! and the committed conversions (tests/fixtures/converted/, rendered by the e2e test
//! tests/e2e/convert.spec.mjs) still what the converter writes.
//!
//! After a deliberate change to the output, regenerate them with the commands in
//! `CONVERSIONS` (`cargo run -p news-widget-convert -- ...`, paths from the repository root).

use std::path::Path;
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_news-widget-convert"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Each command line exits with `code`, its message on stderr and nothing on stdout.
fn exits_with(code: i32, cases: &[(&[&str], &str)]) {
    for (args, message) in cases {
        let output = run(args);
        let messages = stderr(&output);
        assert_eq!(output.status.code(), Some(code), "{args:?}: {messages}");
        assert!(messages.contains(message), "{args:?}: {messages}");
        assert!(stdout(&output).is_empty(), "{args:?}");
    }
}

const FIXTURES: &str = "convert/tests/fixtures";

/// The committed conversions and the arguments that make them.
const CONVERSIONS: &[(&str, &[&str])] = &[
    (
        "tests/fixtures/converted/seed-wordpress.json",
        &[
            "wordpress",
            "convert/tests/fixtures/seed-wordpress-post.json",
            "--embed",
            "convert/tests/fixtures/seed-wordpress-media.json",
            "--embed",
            "convert/tests/fixtures/seed-wordpress-site.json",
        ],
    ),
    (
        "tests/fixtures/converted/seed-jsonld.json",
        &["jsonld", "convert/tests/fixtures/seed-jsonld.html"],
    ),
    (
        "tests/fixtures/converted/wordpress-post.json",
        &["wordpress", "convert/tests/fixtures/wordpress-post.json"],
    ),
];

#[test]
fn the_committed_conversions_are_what_the_converter_writes() {
    for (file, args) in CONVERSIONS {
        let output = run(args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        let committed = std::fs::read_to_string(root().join(file)).unwrap();
        assert!(
            stdout(&output) == committed,
            "{file} differs from `cargo run -p news-widget-convert -- {}`",
            args.join(" ")
        );
    }
}

#[test]
fn every_conversion_checks_clean() {
    for (file, _) in CONVERSIONS {
        let output = run(&["check", file]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let report = stdout(&output);
        assert!(report.ends_with("the widget drops nothing\n"), "{report}");
        assert!(!report.contains("dropped"), "{report}");
    }
}

#[test]
fn conversions_print_what_they_left_out_on_stderr() {
    let output = run(&["wordpress", &format!("{FIXTURES}/wordpress-post.json")]);
    assert_eq!(output.status.code(), Some(0));
    let messages = stderr(&output);
    for line in [
        "16 blocks, 2 related stories; left out:",
        "    2  <script> dropped with its content",
        "    1  <iframe> dropped",
        "    2  HTML comment dropped",
        "    4  URL that is not http(s) dropped",
    ] {
        assert!(messages.contains(line), "{line:?} not in\n{messages}");
    }
    // The article goes to stdout, and only there.
    assert!(stdout(&output).starts_with("{\n  \"id\": \"council-agrees-budget\""));
    assert!(!messages.contains('{'));
}

#[test]
fn check_prints_each_dropped_block_and_field() {
    let dir = std::env::temp_dir().join(format!("nwc-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("a.json");
    std::fs::write(
        &file,
        r#"{"headline": "x", "lang": "!!", "body": [{"type": "video"}, {"type": "paragraph", "text": "ok"},
            {"type": "image", "url": "javascript:alert(1)"}], "related": [{"url": "/r"}]}"#,
    )
    .unwrap();
    let output = run(&["check", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = stdout(&output);
    for line in [
        "dropped lang: not a language tag\n",
        "dropped body[0]: unknown block type\n",
        "dropped body[2].url: not an http(s) URL\n",
        "usable: \"x\", 1 blocks, 0 related stories; the widget drops ",
    ] {
        assert!(report.contains(line), "{line:?} not in\n{report}");
    }
    let relative = run(&[
        "check",
        file.to_str().unwrap(),
        "--base",
        "https://cdn.example/a/",
    ]);
    assert_eq!(relative.status.code(), Some(0));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_unusable_document_exits_1_with_the_reason() {
    let cases: &[(&[&str], &str)] = &[
        (&["check", "README.md"], "unusable: not JSON"),
        (
            &["check", "package.json"],
            "unusable: no non-empty \"headline\" string",
        ),
        (&["wordpress", "README.md"], "unusable: not JSON"),
        (&["wordpress", "package.json"], "unusable: no headline"),
        (
            &["jsonld", "README.md"],
            "unusable: no <script type=\"application/ld+json\">",
        ),
        (
            &["jsonld", "index.html"],
            "unusable: no <script type=\"application/ld+json\">",
        ),
    ];
    exits_with(1, cases);
}

#[test]
fn usage_and_io_errors_exit_2() {
    let cases: &[(&[&str], &str)] = &[
        (&[], "no command given"),
        (&["convert", "x"], "unknown command \"convert\""),
        (&["wordpress"], "wordpress takes one post file"),
        (
            &["jsonld", "a.html", "b.html"],
            "jsonld takes one page file",
        ),
        (
            &["jsonld", "a.html", "--embed", "m.json"],
            "unknown option --embed for jsonld",
        ),
        (&["wordpress", "p.json", "--embed"], "--embed needs a file"),
        (
            &["check", "a.json", "--base", "ftp://x"],
            "is not an absolute http(s) URL",
        ),
        (
            &["check", "does-not-exist.json"],
            "cannot read does-not-exist.json",
        ),
        (
            &[
                "wordpress",
                "convert/tests/fixtures/wordpress-post.json",
                "--embed",
                "README.md",
            ],
            "--embed README.md: not JSON",
        ),
        (
            &[
                "wordpress",
                "convert/tests/fixtures/wordpress-post.json",
                "--embed",
                "package.json",
            ],
            "--embed package.json: not a media item",
        ),
    ];
    exits_with(2, cases);
    let help = run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("news-widget-convert check ARTICLE.json"));
}
