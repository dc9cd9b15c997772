package dev.gazette.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open browsers, each listening on a Server-Sent Events stream: told to reload after a build that succeeded, and
 * shown an overlay with the problems after one that failed (the last good site is still served). The script that
 * listens is added to HTML pages by the server only, never to the built output.
 */
final class LiveReload {

    static final String EVENTS_PATH = "/__gazette/events";
    static final String SCRIPT_PATH = "/__gazette/live.js";

    static final String SCRIPT = """
            (() => {
              const events = new EventSource('%s');
              let overlay = null;
              events.addEventListener('reload', () => location.reload());
              events.addEventListener('failure', (e) => {
                if (!overlay) {
                  overlay = document.createElement('pre');
                  overlay.id = 'gazette-build-failure';
                  overlay.setAttribute('role', 'alert');
                  overlay.style.cssText = 'position:fixed;top:0;left:0;right:0;max-height:70vh;overflow:auto;'
                    + 'z-index:2147483647;margin:0;padding:1em 1.25em;background:#2b0b0b;color:#ffe9e9;'
                    + 'font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap;border-bottom:4px solid #e5484d';
                  document.body.appendChild(overlay);
                }
                overlay.textContent = e.data;
              });
            })();
            """.formatted(EVENTS_PATH);

    private static final Pattern BODY_END = Pattern.compile("(?i)</body\\s*>");
    private static final byte[] TAG = ("<script src=\"" + SCRIPT_PATH + "\" defer></script>")
            .getBytes(StandardCharsets.UTF_8);

    private final Set<OutputStream> listeners = ConcurrentHashMap.newKeySet();
    /** The problems of the last build when it failed, else null: told to every browser that connects. */
    private volatile String failure;

    /** A page with the listening script added before its last {@code </body>} (at its end when it has none). */
    static byte[] withScript(byte[] html) {
        String text = new String(html, StandardCharsets.UTF_8);
        Matcher m = BODY_END.matcher(text);
        int at = -1;
        while (m.find()) {
            at = m.start();
        }
        byte[] head = (at < 0 ? text : text.substring(0, at)).getBytes(StandardCharsets.UTF_8);
        byte[] tail = (at < 0 ? "" : text.substring(at)).getBytes(StandardCharsets.UTF_8);
        byte[] page = new byte[head.length + TAG.length + tail.length];
        System.arraycopy(head, 0, page, 0, head.length);
        System.arraycopy(TAG, 0, page, head.length, TAG.length);
        System.arraycopy(tail, 0, page, head.length + TAG.length, tail.length);
        return page;
    }

    /** Starts telling {@code stream} (an open event stream) what happens; it is told the current failure first. */
    void listen(OutputStream stream) throws IOException {
        synchronized (stream) {
            stream.write("retry: 500\n\n".getBytes(StandardCharsets.UTF_8));
            String current = failure;
            if (current != null) {
                stream.write(event("failure", current));
            }
            stream.flush();
        }
        listeners.add(stream);
    }

    void forget(OutputStream stream) {
        listeners.remove(stream);
    }

    /**
     * Every browser reloads; {@code leftOut} (the errors of files the build left out, or null) is then shown over
     * the page it loads.
     */
    void reload(long build, String leftOut) {
        failure = leftOut == null ? null : "Gazette: these files have errors and were left out of the site.\n\n" + leftOut;
        send(event("reload", Long.toString(build)));
    }

    /** Every browser shows the problems over the page it has. */
    void failed(String problems) {
        failure = "Gazette: the build failed; this is the last good build.\n\n" + problems;
        send(event("failure", failure));
    }

    /** A comment line that keeps idle streams open and finds the ones whose browser has gone. */
    void heartbeat() {
        send(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
    }

    boolean isListening(OutputStream stream) {
        return listeners.contains(stream);
    }

    int listening() {
        return listeners.size();
    }

    private void send(byte[] event) {
        for (OutputStream stream : listeners) {
            try {
                synchronized (stream) {
                    stream.write(event);
                    stream.flush();
                }
            } catch (IOException e) {
                listeners.remove(stream); // the browser has gone
            }
        }
    }

    private static byte[] event(String name, String data) {
        StringBuilder text = new StringBuilder("event: ").append(name).append('\n');
        for (String line : data.split("\r?\n|\r", -1)) {
            text.append("data: ").append(line).append('\n');
        }
        return text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }
}
