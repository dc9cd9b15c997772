package dev.gazette.templates;

import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.attributes.ResolvedAttribute;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code article.title} on the records of {@link Views}: the component's accessor, found once per record type.
 * Pebble's own resolver looks each attribute up again on every use (a cache key made and hashed, a getter, an
 * is- and a has- method tried first) and that was a quarter of template rendering. Anything else (a view's
 * other methods, maps, lists, a call with arguments) is left to Pebble's resolver, which reports what is missing.
 */
final class ViewAttributes implements AttributeResolver {

    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            if (type.isRecord() && type.getEnclosingClass() == Views.class) {
                for (RecordComponent component : type.getRecordComponents()) {
                    String name = component.getName();
                    String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
                    // Pebble would take a getX(), isX() or hasX() before x(): such a name stays Pebble's to resolve
                    if (!declares(type, "get" + capitalized) && !declares(type, "is" + capitalized)
                            && !declares(type, "has" + capitalized)) {
                        Method accessor = component.getAccessor();
                        // checked once here: Method.invoke on a method not made accessible walks the stack for
                        // its caller on every call (most of the cost of a read)
                        accessor.setAccessible(true);
                        accessors.put(name, accessor);
                    }
                }
            }
            return accessors;
        }
    };

    private static boolean declares(Class<?> type, String method) {
        try {
            type.getMethod(method);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Override
    public ResolvedAttribute resolve(Object instance, Object attributeName, Object[] argumentValues,
            ArgumentsNode args, EvaluationContextImpl context, String filename, int lineNumber) {
        if (instance == null || args != null) {
            return null;
        }
        Method accessor = ACCESSORS.get(instance.getClass()).get(String.valueOf(attributeName));
        if (accessor == null) {
            return null;
        }
        try {
            return new ResolvedAttribute(accessor.invoke(instance));
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new PebbleException(e, "cannot read " + attributeName + " of " + instance.getClass().getSimpleName(),
                    lineNumber, filename);
        }
    }
}
