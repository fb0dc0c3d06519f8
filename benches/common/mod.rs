//! Headless frames for the benchmarks that drive the window (`compare`, `layout`): a reader
//! app on an egui context without a window, input for a 1280×800 screen, scroll frames.

use eframe::egui;
use qarar::ui::{ReaderApp, StartOptions};
use std::path::PathBuf;

/// The reader on a context without a window.
pub(crate) struct Headless {
    pub ctx: egui::Context,
    pub app: ReaderApp,
    /// Direction of the next scroll (they alternate, so the view stays in place).
    down: bool,
}

impl Headless {
    /// A reader started with `start` on `ctx` (on which the caller may have turned on
    /// accessibility).
    pub(crate) fn new(ctx: egui::Context, start: StartOptions) -> Headless {
        let app = ReaderApp::new(&ctx, None, start);
        Headless {
            ctx,
            app,
            down: true,
        }
    }

    /// A data directory of its own for the bench `name` (no user state is read or written).
    pub(crate) fn data_dir(name: &str) -> PathBuf {
        std::env::temp_dir().join(format!("qarar-bench-{name}-{}", std::process::id()))
    }

    /// One frame with these input events.
    pub(crate) fn frame(&mut self, events: Vec<egui::Event>) -> egui::FullOutput {
        let app = &mut self.app;
        self.ctx.run_ui(input(events), |ui| app.frame(ui))
    }

    /// `n` frames without input (loading, layout, atlas, meshes).
    pub(crate) fn warm_up(&mut self, n: usize) {
        for _ in 0..n {
            let _ = self.frame(Vec::new());
        }
    }

    /// One frame scrolling by 120 points with the pointer at `at`, down and up in turn.
    pub(crate) fn scroll(&mut self, at: egui::Pos2) -> egui::FullOutput {
        self.down = !self.down;
        let delta = if self.down { -120.0 } else { 120.0 };
        let events = vec![
            egui::Event::PointerMoved(at),
            egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, delta),
                phase: egui::TouchPhase::Move,
                modifiers: egui::Modifiers::NONE,
                source: egui::MouseWheelSource::Wheel,
            },
        ];
        self.frame(events)
    }
}

/// Input for one frame on a 1280×800 screen.
fn input(events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        events,
        ..Default::default()
    }
}
