//! The command line: arguments to a [`Command`], a command to output and an exit code.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use news_widget::error::FormatProblem;
use news_widget::model::Article;

use crate::omitted::Omissions;
use crate::output::{self, CHECK_BASE};
use crate::unusable::Unusable;
use crate::{jsonld, wordpress};

/// Exit code: done.
pub const OK: u8 = 0;
/// Exit code: the document cannot become (or is not) a usable article.
pub const UNUSABLE: u8 = 1;
/// Exit code: bad arguments, or a file that cannot be read or written.
pub const USAGE: u8 = 2;

/// The help text, also printed after a usage error.
pub const USAGE_TEXT: &str = "\
usage:
  news-widget-convert wordpress POST.json [--embed FILE ...] > article.json
      a WordPress REST post (/wp-json/wp/v2/posts/ID?_embed); --embed adds REST responses the
      post refers to but _embed left out: media items, users, categories, the site index
      (/wp-json/, for the publisher and the site's UTC offset)
  news-widget-convert jsonld PAGE.html > article.json
      a page with schema.org NewsArticle / Article / ReportageNewsArticle JSON-LD
  news-widget-convert check ARTICLE.json [--base URL]
      the widget's own parser over an article file: what it would drop; relative URLs are
      resolved against URL (default https://publisher.invalid/article.json)
exit codes: 0 ok, 1 unusable document, 2 usage or I/O error
";

/// What to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Convert a WordPress REST post.
    Wordpress {
        /// The post's JSON.
        post: PathBuf,
        /// Further REST responses (`--embed`).
        embeds: Vec<PathBuf>,
    },
    /// Convert a page's JSON-LD.
    JsonLd {
        /// The HTML page.
        page: PathBuf,
    },
    /// Validate an article file with the widget's parser.
    Check {
        /// The article JSON.
        file: PathBuf,
        /// Base URL for relative references.
        base: String,
    },
    /// Print the usage.
    Help,
}

/// A command line that names no command the tool has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageError(String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn usage(message: impl Into<String>) -> UsageError {
    UsageError(message.into())
}

/// Reads the arguments (without the program name).
pub fn parse_args(args: &[String]) -> Result<Command, UsageError> {
    let (command, rest) = args
        .split_first()
        .ok_or_else(|| usage("no command given"))?;
    let mut files = Vec::new();
    let mut embeds = Vec::new();
    let mut base = None;
    let mut rest = rest.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--embed" if command == "wordpress" => embeds.push(PathBuf::from(
                rest.next().ok_or_else(|| usage("--embed needs a file"))?,
            )),
            "--base" if command == "check" => {
                let url = rest.next().ok_or_else(|| usage("--base needs a URL"))?;
                if !news_widget::url::is_web_url(url) {
                    return Err(usage(format!(
                        "--base {url:?} is not an absolute http(s) URL"
                    )));
                }
                base = Some(url.clone());
            }
            "-h" | "--help" => return Ok(Command::Help),
            flag if flag.starts_with("--") => {
                return Err(usage(format!("unknown option {flag} for {command}")))
            }
            file => files.push(PathBuf::from(file)),
        }
    }
    let one_file = |what: &str| match <[PathBuf; 1]>::try_from(files.clone()) {
        Ok([file]) => Ok(file),
        Err(_) => Err(usage(format!("{command} takes one {what} file"))),
    };
    Ok(match command.as_str() {
        "wordpress" => Command::Wordpress {
            post: one_file("post")?,
            embeds,
        },
        "jsonld" => Command::JsonLd {
            page: one_file("page")?,
        },
        "check" => Command::Check {
            file: one_file("article")?,
            base: base.unwrap_or_else(|| CHECK_BASE.to_owned()),
        },
        "-h" | "--help" | "help" => Command::Help,
        other => return Err(usage(format!("unknown command {other:?}"))),
    })
}

/// Runs the command line: the article or report to `out`, diagnostics to `err`; the exit code.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let command = match parse_args(args) {
        Ok(command) => command,
        Err(e) => {
            let _ = write!(err, "news-widget-convert: {e}\n\n{USAGE_TEXT}");
            return USAGE;
        }
    };
    let result = match command {
        Command::Help => out
            .write_all(USAGE_TEXT.as_bytes())
            .map(|_| OK)
            .map_err(Failure::Write),
        Command::Wordpress { post, embeds } => convert_wordpress(&post, &embeds, out, err),
        Command::JsonLd { page } => convert_jsonld(&page, out, err),
        Command::Check { file, base } => check(&file, &base, out),
    };
    match result {
        Ok(code) => code,
        Err(failure) => {
            let _ = writeln!(err, "news-widget-convert: {failure}");
            failure.code()
        }
    }
}

/// Why a command stopped.
#[derive(Debug)]
enum Failure {
    Read(PathBuf, std::io::Error),
    Embed(PathBuf, String),
    Unusable(PathBuf, Unusable),
    Format(PathBuf, FormatProblem),
    Write(std::io::Error),
    Serialize(serde_json::Error),
}

impl Failure {
    fn code(&self) -> u8 {
        match self {
            Failure::Unusable(..) | Failure::Format(..) => UNUSABLE,
            Failure::Read(..) | Failure::Embed(..) | Failure::Write(_) | Failure::Serialize(_) => {
                USAGE
            }
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Read(path, e) => write!(f, "cannot read {}: {e}", path.display()),
            Failure::Embed(path, why) => write!(f, "--embed {}: {why}", path.display()),
            Failure::Unusable(path, why) => write!(f, "{}: unusable: {why}", path.display()),
            Failure::Format(path, problem) => {
                write!(
                    f,
                    "{}: unusable: {}",
                    path.display(),
                    format_problem(*problem)
                )
            }
            Failure::Write(e) => write!(f, "cannot write the output: {e}"),
            Failure::Serialize(e) => write!(f, "cannot serialise the article: {e}"),
        }
    }
}

/// The widget's reason, in words for a publisher.
fn format_problem(problem: FormatProblem) -> &'static str {
    match problem {
        FormatProblem::NotJson => "not JSON",
        FormatProblem::NotAnObject => "the top level is not an object",
        FormatProblem::MissingHeadline => "no non-empty \"headline\" string",
        FormatProblem::MissingBody => "no \"body\" array",
        FormatProblem::TooLarge => "larger than the 5 MiB the widget accepts",
    }
}

fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| Failure::Read(path.to_owned(), e))
}

fn convert_wordpress(
    post: &Path,
    embeds: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Failure> {
    let mut given = wordpress::Embeds::default();
    for path in embeds {
        let value = serde_json::from_slice(&read(path)?)
            .map_err(|e| Failure::Embed(path.clone(), format!("not JSON: {e}")))?;
        given
            .add(value)
            .map_err(|why| Failure::Embed(path.clone(), why.to_owned()))?;
    }
    let mut omitted = Omissions::default();
    let article = wordpress::convert(&read(post)?, &given, &mut omitted)
        .map_err(|why| Failure::Unusable(post.to_owned(), why))?;
    write_article(post, &article, omitted, out, err)
}

fn convert_jsonld(page: &Path, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, Failure> {
    let mut omitted = Omissions::default();
    let article = jsonld::convert(&read(page)?, &mut omitted)
        .map_err(|why| Failure::Unusable(page.to_owned(), why))?;
    write_article(page, &article, omitted, out, err)
}

/// Writes the article JSON to `out` and what was left out to `err`.
fn write_article(
    source: &Path,
    article: &Article,
    mut omitted: Omissions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Failure> {
    let json = output::article_json(article, &mut omitted).map_err(Failure::Serialize)?;
    out.write_all(json.as_bytes()).map_err(Failure::Write)?;
    let blocks = article.body.len();
    let related = article.related.len();
    let summary = format!(
        "{}: {blocks} blocks, {related} related stories",
        source.display()
    );
    let _ = if omitted.is_empty() {
        writeln!(err, "{summary}; nothing left out")
    } else {
        write!(err, "{summary}; left out:\n{omitted}")
    };
    Ok(OK)
}

fn check(file: &Path, base: &str, out: &mut dyn Write) -> Result<u8, Failure> {
    let (article, dropped) =
        output::check(&read(file)?, base).map_err(|p| Failure::Format(file.to_owned(), p))?;
    let mut report = String::new();
    for d in &dropped {
        report.push_str(&format!("dropped {d}\n"));
    }
    report.push_str(&format!(
        "{}: usable: \"{}\", {} blocks, {} related stories; the widget drops {}\n",
        file.display(),
        article.headline,
        article.body.len(),
        article.related.len(),
        match dropped.len() {
            0 => "nothing".to_owned(),
            1 => "1 item".to_owned(),
            n => format!("{n} items"),
        }
    ));
    out.write_all(report.as_bytes()).map_err(Failure::Write)?;
    Ok(OK)
}
