//! The `souhra` program: command line, configuration, logging, and wiring of the store and the
//! web layer. Exit codes: 0 success, 1 a failure while running, 2 wrong usage or bad input.

mod cli;
mod commands;
mod config;
mod failure;
mod logging;
mod progress;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{
    AreaCommand, BenchCommand, CatalogueCommand, Cli, Command, ExportCommand, GenCommand,
    ImportCommand, SearchCommand, TerritoryCommand, UserCommand,
};
use crate::config::{Config, process_env};
use crate::failure::Failure;

async fn run(cli: Cli) -> Result<(), Failure> {
    let config = Config::load(cli.config.as_deref(), &process_env)?;
    let count_queries = matches!(
        cli.command,
        Command::Bench(BenchCommand::Plan(_) | BenchCommand::Analysis(_) | BenchCommand::Region(_))
    );
    logging::init(&config, count_queries)?;
    match cli.command {
        Command::Serve { listen } => commands::serve::serve(config, listen).await,
        Command::Demo { listen, data_dir } => commands::serve::demo(config, listen, data_dir).await,
        Command::Migrate => commands::admin::migrate(&config).await,
        Command::Config => {
            commands::admin::show_config(&config);
            Ok(())
        }
        Command::Backup { to } => commands::admin::backup(&config, &to).await,
        Command::Territory(TerritoryCommand::Load { population }) => {
            commands::admin::territory_load(&config, &population).await
        }
        Command::Territory(TerritoryCommand::Find { query, area }) => {
            commands::admin::territory_find(&config, &query, area.as_deref()).await
        }
        Command::Area(AreaCommand::Add(add)) => commands::admin::area_add(&config, &add).await,
        Command::Area(AreaCommand::List) => commands::admin::area_list(&config).await,
        Command::User(UserCommand::Add(args)) => commands::user::user_add(&config, &args).await,
        Command::User(UserCommand::List) => commands::user::user_list(&config).await,
        Command::Remind(args) => commands::remind::remind(&config, &args).await,
        Command::Area(AreaCommand::Contact(args)) => {
            commands::print::area_contact(&config, &args).await
        }
        Command::Catalogue(CatalogueCommand::Pdf(args)) => {
            commands::print::catalogue_pdf(&config, &args).await
        }
        Command::Bench(BenchCommand::Plan(args)) => {
            commands::bench_plan::bench_plan(&config, &args).await
        }
        Command::Bench(BenchCommand::Region(args)) => {
            commands::bench_region::bench_region(&config, &args).await
        }
        Command::Bench(BenchCommand::Surveys(args)) => {
            commands::bench_surveys::bench_surveys(&config, &args).await
        }
        Command::Bench(BenchCommand::Analysis(args)) => {
            commands::bench_analysis::bench_analysis(&config, &args).await
        }
        Command::Bench(BenchCommand::Comments(args)) => {
            commands::bench_comments::bench_comments(&config, &args).await
        }
        Command::Bench(BenchCommand::Login(args)) => {
            commands::bench::bench_login(&config, &args).await
        }
        Command::Bench(BenchCommand::Catalogue(args)) => {
            commands::print::bench_catalogue(&config, &args).await
        }
        Command::Import(ImportCommand::Mpsv(args)) => {
            commands::catalogue::import_mpsv(&config, &args).await
        }
        Command::Import(ImportCommand::Hsds(args)) => {
            commands::hsds::import_hsds(&config, &args).await
        }
        Command::Export(ExportCommand::Hsds(args)) => {
            commands::hsds::export_hsds(&config, &args).await
        }
        Command::Export(ExportCommand::Catalogue(args)) => {
            commands::sheet::export_catalogue(&config, &args).await
        }
        Command::Export(ExportCommand::Template(args)) => {
            commands::sheet::export_template(&config, &args).await
        }
        Command::Import(ImportCommand::Local(args)) => {
            commands::sheet::import_local(&config, &args).await
        }
        Command::Gen(GenCommand::Registry(args)) => commands::catalogue::gen_registry(&args),
        Command::Bench(BenchCommand::Import(args)) => {
            commands::bench::bench_import(&config, &args).await
        }
        Command::Search(SearchCommand::Rebuild) => commands::search::rebuild(&config).await,
        Command::Search(SearchCommand::Query(args)) => {
            commands::search::query(&config, &args).await
        }
        Command::Situations(command) => commands::situations::run(&config, command).await,
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // clap prints usage errors to stderr (exit 2) and --help/--version to stdout (exit 0).
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("error: {failure}");
            failure.exit_code()
        }
    }
}
