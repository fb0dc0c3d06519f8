//! Background work for the window: a thread per job, its messages polled each frame, a
//! cancel flag, and a way for tests to wait. Loading documents, file dialogs, exports,
//! library indexing and library search all go through [`Jobs`].

use eframe::egui;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::thread::JoinHandle;

/// The thread's side of a job: send messages (the window repaints), see a cancel.
pub(crate) struct Worker<T> {
    tx: Sender<T>,
    cancel: Arc<AtomicBool>,
    ctx: egui::Context,
}

impl<T> Worker<T> {
    /// Send a message to the window (and wake it up).
    pub(crate) fn send(&self, message: T) {
        let _ = self.tx.send(message);
        self.ctx.request_repaint();
    }

    /// Has the window asked the job to stop?
    #[allow(
        dead_code,
        reason = "the job's side of `Jobs::cancel`; no job polls it yet"
    )]
    pub(crate) fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// What a poll gives back.
#[derive(Debug)]
pub(crate) enum Event<T> {
    Message(T),
    /// The job ended without sending anything (it panicked).
    Lost,
}

struct Running<T> {
    rx: Receiver<T>,
    cancel: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    heard: bool,
}

/// Jobs of one kind running in the background.
pub(crate) struct Jobs<T> {
    running: Vec<Running<T>>,
}

impl<T> Default for Jobs<T> {
    fn default() -> Self {
        Jobs {
            running: Vec::new(),
        }
    }
}

impl<T: Send + 'static> Jobs<T> {
    /// Run `work` in a thread of its own.
    pub(crate) fn spawn(
        &mut self,
        ctx: &egui::Context,
        work: impl FnOnce(Worker<T>) + Send + 'static,
    ) {
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let worker = Worker {
            tx,
            cancel: cancel.clone(),
            ctx: ctx.clone(),
        };
        let thread = std::thread::spawn(move || work(worker));
        self.running.push(Running {
            rx,
            cancel,
            thread: Some(thread),
            heard: false,
        });
    }

    /// Run a job that sends one result.
    pub(crate) fn spawn_one(
        &mut self,
        ctx: &egui::Context,
        work: impl FnOnce() -> T + Send + 'static,
    ) {
        self.spawn(ctx, move |w| w.send(work()));
    }

    /// True while a job runs.
    pub(crate) fn is_busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// What the jobs sent since the last poll, in order; finished jobs are dropped.
    pub(crate) fn poll(&mut self) -> Vec<Event<T>> {
        self.collect(false)
    }

    /// Wait for every job to end and return what they sent (tests, closing).
    pub(crate) fn wait(&mut self) -> Vec<Event<T>> {
        self.collect(true)
    }

    /// Ask every job to stop (each sees [`Worker::cancelled`]); their messages still come.
    pub(crate) fn cancel(&self) {
        for r in &self.running {
            r.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Cancel the jobs and stop listening to them; their threads are returned so that a
    /// caller can wait for them to let go of what they hold.
    pub(crate) fn abandon(&mut self) -> Vec<JoinHandle<()>> {
        self.cancel();
        self.running
            .drain(..)
            .filter_map(|mut r| r.thread.take())
            .collect()
    }

    fn collect(&mut self, block: bool) -> Vec<Event<T>> {
        let mut out = Vec::new();
        self.running.retain_mut(|r| {
            loop {
                let next = if block {
                    r.rx.recv().map_err(|_| TryRecvError::Disconnected)
                } else {
                    r.rx.try_recv()
                };
                match next {
                    Ok(m) => {
                        r.heard = true;
                        out.push(Event::Message(m));
                    }
                    Err(TryRecvError::Empty) => return true,
                    Err(TryRecvError::Disconnected) => {
                        if !r.heard {
                            out.push(Event::Lost);
                        }
                        if let Some(t) = r.thread.take() {
                            let _ = t.join();
                        }
                        return false;
                    }
                }
            }
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_arrive_in_order_and_a_silent_job_is_reported_lost() {
        let ctx = egui::Context::default();
        let mut jobs: Jobs<u32> = Jobs::default();
        jobs.spawn(&ctx, |w| {
            w.send(1);
            w.send(2);
        });
        jobs.spawn(&ctx, |_w| {});
        let got = jobs.wait();
        let messages: Vec<u32> = got
            .iter()
            .filter_map(|e| match e {
                Event::Message(m) => Some(*m),
                Event::Lost => None,
            })
            .collect();
        assert_eq!(messages, vec![1, 2]);
        assert_eq!(got.iter().filter(|e| matches!(e, Event::Lost)).count(), 1);
        assert!(!jobs.is_busy());
    }

    #[test]
    fn a_cancelled_job_sees_it() {
        let ctx = egui::Context::default();
        let mut jobs: Jobs<bool> = Jobs::default();
        let (go, wait) = channel::<()>();
        jobs.spawn(&ctx, move |w| {
            let _ = wait.recv();
            w.send(w.cancelled());
        });
        jobs.cancel();
        let _ = go.send(());
        assert!(matches!(jobs.wait().as_slice(), [Event::Message(true)]));
    }
}
