//! `souhra bench surveys`: a loopback load test of the public survey form. A survey with the
//! demo's five questions (one, several, scale, matrix, text) is opened in a fresh database, the
//! server listens on 127.0.0.1, and concurrent clients each fetch the form once (its token and
//! cookie) and then post answers over a kept-alive HTTP/1.1 connection until the total is sent.
//! Prints the throughput, latency percentiles and errors, and checks that every acknowledged
//! answer (303) is stored.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use souhra_core::survey::{Identification, SurveyStatus};
use souhra_store::plan::PlanChange;
use souhra_store::survey::SurveySettings;
use tokio::io::{AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

use super::bench::{Workspace, peak_mb, reset_peak};
use super::bench_plan::ms;
use super::say;
use crate::cli::BenchSurveys;
use crate::config::Config;
use crate::failure::Failure;

fn fail(e: impl std::fmt::Display) -> Failure {
    Failure::runtime(e.to_string())
}

/// One HTTP/1.1 response: status, headers (lower-case names) and body.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

async fn read_reply(reader: &mut BufReader<TcpStream>) -> Result<Reply, Failure> {
    let mut head = Vec::new();
    while !head.ends_with(b"\r\n\r\n") {
        let byte = reader.read_u8().await.map_err(fail)?;
        head.push(byte);
        if head.len() > 64 * 1024 {
            return Err(fail("response head too long"));
        }
    }
    let text = String::from_utf8_lossy(&head);
    let mut lines = text.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| fail("no status line"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .ok_or_else(|| fail("no content-length"))?;
    let mut body = vec![0; length];
    reader.read_exact(&mut body).await.map_err(fail)?;
    Ok(Reply {
        status,
        headers,
        body,
    })
}

async fn connect(address: std::net::SocketAddr) -> Result<BufReader<TcpStream>, Failure> {
    let stream = TcpStream::connect(address).await.map_err(fail)?;
    stream.set_nodelay(true).map_err(fail)?;
    Ok(BufReader::new(stream))
}

/// The form's token and cookie, from one GET.
async fn form_token(
    address: std::net::SocketAddr,
    path: &str,
) -> Result<(String, String), Failure> {
    let mut connection = connect(address).await?;
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n");
    connection
        .get_mut()
        .write_all(request.as_bytes())
        .await
        .map_err(fail)?;
    let reply = read_reply(&mut connection).await?;
    if reply.status != 200 {
        return Err(fail(format!("GET {path}: {}", reply.status)));
    }
    let cookie = reply
        .headers
        .iter()
        .find(|(k, v)| k == "set-cookie" && v.starts_with("souhra_csrf="))
        .and_then(|(_, v)| v.split(';').next())
        .ok_or_else(|| fail("no form cookie"))?
        .to_owned();
    let body = String::from_utf8_lossy(&reply.body);
    let token = body
        .split("name=\"token\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .ok_or_else(|| fail("no form token"))?
        .to_owned();
    Ok((token, cookie))
}

pub async fn bench_surveys(config: &Config, args: &BenchSurveys) -> Result<(), Failure> {
    let work = Workspace(
        std::env::temp_dir().join(format!("souhra-bench-surveys-{}", std::process::id())),
    );
    std::fs::create_dir_all(&work.0)
        .map_err(|e| Failure::runtime(format!("{}: {e}", work.0.display())))?;
    let store = work.store(config).await?;
    let slugs = super::serve::save_demo_areas(&store).await?;
    let slug = slugs.last().ok_or_else(|| fail("no demo area"))?.clone();
    let area = store
        .area_by_slug(&slug)
        .await?
        .ok_or_else(|| fail("the demo area is missing"))?;
    let questionnaire = super::demo_surveys::questionnaire(0)?;
    let change = PlanChange {
        by: None,
        at: chrono::Utc::now(),
    };
    let settings = SurveySettings {
        title: "Benchmark survey".into(),
        intro: None,
        audience: None,
        identification: Identification::Anonymous,
        consent: None,
        closes_on: None,
        listed: true,
        results_public: false,
    };
    let id = store
        .create_survey(area.id, &settings, "bench", change)
        .await?;
    store
        .save_survey(id, 1, &settings, &questionnaire, change)
        .await?;
    store
        .set_survey_status(id, SurveyStatus::Open, change)
        .await?;

    let index = Arc::new(souhra_search::SearchIndex::in_memory().map_err(fail)?);
    let mut web = super::serve::web_config(config)?;
    web.survey_answers_per_window = Some(usize::MAX);
    let state = souhra_web::AppState::new(store.clone(), index, web).map_err(fail)?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(fail)?;
    let address = listener.local_addr().map_err(fail)?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(souhra_web::serve(listener, state, async move {
        let _ = stopped.await;
    }));

    let path = format!("/{slug}/pruzkum/bench");
    // One respondent's answers to the five questions.
    let answers = "q0=1&q1=0&q1=2&q1=3&q2=4&q3_r0=0&q3_r1=1&q3_r2=2&q4=Chyb%C3%AD+n%C3%A1m+odleh%C4%8Dovac%C3%AD+slu%C5%BEba.";
    let total = args.answers as usize;
    let sent = Arc::new(AtomicUsize::new(0));
    reset_peak();
    let started = Instant::now();
    let mut clients = Vec::new();
    for _ in 0..args.clients {
        let sent = sent.clone();
        let path = path.clone();
        clients.push(tokio::spawn(async move {
            let mut latencies: Vec<Duration> = Vec::new();
            let mut errors = 0usize;
            let (token, cookie) = form_token(address, &path).await?;
            let body = format!("token={token}&{answers}");
            let request = format!(
                "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: \
                 application/x-www-form-urlencoded\r\nCookie: {cookie}\r\nContent-Length: {}\r\n\
                 Connection: keep-alive\r\n\r\n{body}",
                body.len()
            );
            let mut connection = connect(address).await?;
            while sent.fetch_add(1, Ordering::Relaxed) < total {
                let at = Instant::now();
                let outcome = async {
                    connection
                        .get_mut()
                        .write_all(request.as_bytes())
                        .await
                        .map_err(fail)?;
                    read_reply(&mut connection).await
                }
                .await;
                match outcome {
                    Ok(reply) if reply.status == 303 => latencies.push(at.elapsed()),
                    Ok(_) => errors += 1,
                    Err(_) => {
                        errors += 1;
                        connection = connect(address).await?;
                    }
                }
            }
            Ok::<_, Failure>((latencies, errors))
        }));
    }
    let mut latencies = Vec::new();
    let mut errors = 0;
    for client in clients {
        let (mut l, e) = client.await.map_err(fail)??;
        latencies.append(&mut l);
        errors += e;
    }
    let wall = started.elapsed();
    let _ = stop.send(());
    let _ = server.await;
    let stored = store.survey_responses(id).await?.len();
    latencies.sort();
    let pick = |q: f64| {
        latencies
            .get(((latencies.len() as f64 * q) as usize).min(latencies.len().saturating_sub(1)))
            .copied()
            .map_or(0.0, ms)
    };
    say(&format!(
        "surveys: {} clients, {} answers acknowledged in {:.2} s = {:.0} answers/s; latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; {errors} errors; {stored} stored ({}); peak RSS {:.0} MB",
        args.clients,
        latencies.len(),
        wall.as_secs_f64(),
        latencies.len() as f64 / wall.as_secs_f64(),
        pick(0.5),
        pick(0.99),
        latencies.last().copied().map_or(0.0, ms),
        if stored == latencies.len() {
            "every acknowledged answer"
        } else {
            "MISMATCH"
        },
        peak_mb()
    ));
    store.close().await;
    if stored != latencies.len() {
        return Err(fail("acknowledged answers are missing from the database"));
    }
    Ok(())
}
