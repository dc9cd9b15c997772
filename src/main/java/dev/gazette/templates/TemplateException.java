package dev.gazette.templates;

/** A template failed to compile or render; names the template and line so the user can fix it. */
public final class TemplateException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String template;
    private final int line;

    public TemplateException(String template, int line, String message, Throwable cause) {
        super(message, cause);
        this.template = template;
        this.line = line;
    }

    public String template() {
        return template;
    }

    public int line() {
        return line;
    }
}
