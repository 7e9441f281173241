package dev.vellum.app.cli.console;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A one-line progress bar redrawn in place on a terminal; a daemon thread samples the counters five
 * times a second. Where output is not a terminal (cron, pipes, --json) it is never created.
 */
public final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final Supplier<String> label;
    private final LongSupplier done;
    private final LongSupplier total;
    private final Thread thread;
    private volatile boolean running = true;

    ProgressBar(PrintWriter out, Supplier<String> label, LongSupplier done, LongSupplier total) {
        this.out = out;
        this.label = label;
        this.done = done;
        this.total = total;
        this.thread = new Thread(this::loop, "vellum-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            draw();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void draw() {
        long d = done.getAsLong();
        long t = total.getAsLong();
        String bar;
        if (t > 0) {
            int filled = (int) Math.min(WIDTH, d * WIDTH / t);
            bar = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + d + "/" + t;
        } else {
            bar = "[" + "~".repeat((int) (d % WIDTH)) + "] " + d;
        }
        out.print("\r" + label.get() + " " + bar + "   ");
        out.flush();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        draw();
        out.println();
        out.flush();
    }
}
