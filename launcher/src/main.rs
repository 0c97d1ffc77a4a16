//! `cloudabi-run`: starts a CloudABI program with exactly the descriptors a
//! YAML document grants, as the original tool did.
//!
//! ```text
//! cloudabi-run [--unconfined] [--config FILE] PROGRAM [< CONFIG.yaml]
//! ```
//!
//! The document (from stdin unless `--config`) becomes the program's
//! argdata, its tagged nodes descriptors:
//! - `!fd stdin|stdout|stderr|N`: one of the launcher's own descriptors;
//! - `!file {path: P, write: BOOL, create: BOOL, exec: BOOL, rights: [...],
//!   inheriting: [...]}`: a file or directory, read-only unless `write`;
//! - `!executable`: the program's own file;
//! - `!socket {bind|connect: IP:PORT|[IPv6]:PORT|/path, type: stream|dgram}`.
//!
//! The values of the root map's `stdin`, `stdout` and `stderr` keys become
//! descriptors 0, 1 and 2, the others 3 upward in document order. The
//! libc's default `program_main` reads `args`, `argv0`, `env`, `dirs` and
//! `cwd` from the same map.
//!
//! `config` reads the document, `grant` opens what it names, `exec` places
//! the descriptors and starts the program, `confine` restricts the process
//! before that. Any mistake stops the launch before the program starts,
//! with exit status 2.

mod config;
mod confine;
mod exec;
mod grant;

use confine::Confinement;
use std::convert::Infallible;
use std::ffi::OsString;
use std::io::Read;
use std::path::PathBuf;
use std::process::exit;

const USAGE: &str = "\
usage: cloudabi-run [--unconfined] [--config FILE] PROGRAM [< CONFIG.yaml]

Starts PROGRAM with exactly the descriptors the YAML configuration grants
(read from standard input unless --config is given), for example:

    %TAG ! tag:nuxi.nl,2015:cloudabi/
    ---
    stdout: !fd stdout
    args: [hello]
    dirs: {/data: !file {path: /srv/data, write: true}}

options:
  --config FILE  read the configuration from FILE
  --unconfined   skip Landlock and seccomp (not applied yet in any mode;
                 no_new_privs is always set)
  -h, --help     print this help
";

#[derive(Debug, PartialEq, Eq)]
struct Options {
    confinement: Confinement,
    config: Option<PathBuf>,
    program: PathBuf,
}

#[derive(Debug, PartialEq, Eq)]
enum Command {
    Help,
    Run(Options),
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut args = args.into_iter();
    let (mut confinement, mut config) = (Confinement::Kernel, None);
    let mut program = None;
    let mut options_done = false;
    while let Some(arg) = args.next() {
        let text = arg.to_str().filter(|_| !options_done);
        match text {
            Some("-h" | "--help") => return Ok(Command::Help),
            Some("--unconfined") => confinement = Confinement::Unconfined,
            Some("--config") => config = Some(PathBuf::from(args.next().ok_or("--config needs a FILE")?)),
            Some(s) if s.starts_with("--config=") => config = Some(PathBuf::from(&s["--config=".len()..])),
            Some("--") => options_done = true,
            Some(s) if s.starts_with('-') && s.len() > 1 => return Err(format!("unknown option {s}")),
            _ if program.is_some() => {
                return Err("only one PROGRAM; its arguments go in the configuration's args:".to_string())
            }
            _ => {
                program = Some(PathBuf::from(arg));
                options_done = true;
            }
        }
    }
    let program = program.ok_or("no PROGRAM given")?;
    Ok(Command::Run(Options { confinement, config, program }))
}

fn read_config(path: &Option<PathBuf>) -> Result<String, String> {
    let mut bytes = Vec::new();
    let (result, name) = match path {
        Some(p) => (std::fs::File::open(p).and_then(|mut f| f.read_to_end(&mut bytes)), p.display().to_string()),
        None => (std::io::stdin().lock().read_to_end(&mut bytes), "standard input".to_string()),
    };
    result.map_err(|e| format!("cannot read the configuration from {name}: {e}"))?;
    String::from_utf8(bytes).map_err(|_| format!("the configuration in {name} is not UTF-8"))
}

fn run(options: Options) -> Result<Infallible, String> {
    exec::limit_descriptors().map_err(|e| format!("cannot set the descriptor limit: {e}"))?;
    let text = read_config(&options.config)?;
    let doc = config::parse(&text).map_err(|e| e.to_string())?;
    // Before the program is opened, so that `!fd N` cannot mistake it for
    // an inherited descriptor.
    let grants = grant::open_all(&doc.resources, &options.program).map_err(|e| e.to_string())?;
    let program = exec::open_program(&options.program)?;
    let numbers = exec::number(&doc.root, grants.len());
    let argdata = doc.root.encode(&numbers);
    exec::launch(exec::Launch {
        program,
        program_path: options.program.as_os_str(),
        grants,
        numbers,
        argdata,
        confinement: options.confinement,
    })
}

fn main() {
    let options = match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Help) => {
            print!("{USAGE}");
            return;
        }
        Ok(Command::Run(options)) => options,
        Err(msg) => {
            eprint!("cloudabi-run: {msg}\n{USAGE}");
            exit(2);
        }
    };
    let Err(msg) = run(options);
    eprintln!("cloudabi-run: {msg}");
    exit(2);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, String> {
        parse_args(args.iter().map(OsString::from))
    }

    fn run_options(confinement: Confinement, config: Option<&str>, program: &str) -> Result<Command, String> {
        Ok(Command::Run(Options { confinement, config: config.map(PathBuf::from), program: program.into() }))
    }

    #[test]
    fn command_line() {
        assert_eq!(parse(&["prog"]), run_options(Confinement::Kernel, None, "prog"));
        assert_eq!(
            parse(&["--unconfined", "--config", "c.yaml", "prog"]),
            run_options(Confinement::Unconfined, Some("c.yaml"), "prog")
        );
        assert_eq!(parse(&["--config=c.yaml", "prog"]), run_options(Confinement::Kernel, Some("c.yaml"), "prog"));
        assert_eq!(parse(&["--", "-prog"]), run_options(Confinement::Kernel, None, "-prog"));
        assert_eq!(parse(&["-h"]), Ok(Command::Help));
        assert_eq!(parse(&["prog", "--help"]), Err("only one PROGRAM; its arguments go in the configuration's args:".into()));
        assert_eq!(parse(&["--help", "prog"]), Ok(Command::Help));
        assert_eq!(parse(&[]), Err("no PROGRAM given".into()));
        assert_eq!(parse(&["--config"]), Err("--config needs a FILE".into()));
        assert_eq!(parse(&["--bogus", "prog"]), Err("unknown option --bogus".into()));
        assert_eq!(parse(&["a", "b"]), Err("only one PROGRAM; its arguments go in the configuration's args:".into()));
    }
}
