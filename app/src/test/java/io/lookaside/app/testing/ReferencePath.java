package io.lookaside.app.testing;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Finds how {@code target} is still reachable from {@code root}, field by field, for a test that
 * checks an object was let go of and must say what holds it when it was not. Collections and
 * maps are walked through their public API (the JDK's internals are closed to reflection).
 */
public final class ReferencePath {
    private ReferencePath() {
    }

    /** A path such as {@code Scene.accelerators → … → WorkbenchView}, or null when none was found. */
    public static String find(Object root, Object target, int maxObjects) {
        Map<Object, String> seen = new IdentityHashMap<>();
        Deque<Object> queue = new ArrayDeque<>();
        seen.put(root, root.getClass().getSimpleName());
        queue.add(root);
        while (!queue.isEmpty() && seen.size() < maxObjects) {
            Object o = queue.poll();
            String path = seen.get(o);
            if (o == target) {
                return path;
            }
            for (Map.Entry<String, Object> child : children(o).entrySet()) {
                Object c = child.getValue();
                if (c != null && !seen.containsKey(c) && !(c instanceof Class) && !(c instanceof String)
                        && !(c instanceof Number) && !(c instanceof Thread) && !(c instanceof ClassLoader)) {
                    seen.put(c, path + " → " + child.getKey() + ":" + c.getClass().getSimpleName());
                    queue.add(c);
                }
            }
        }
        return null;
    }

    private static Map<String, Object> children(Object o) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        try {
            if (o instanceof Map<?, ?> m) {
                int k = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    out.put("key" + k, e.getKey());
                    out.put("value" + k++, e.getValue());
                }
                if (o.getClass().getName().startsWith("java.")) {
                    return out;
                }
            } else if (o instanceof Collection<?> c) {
                int k = 0;
                for (Object e : c) {
                    out.put("[" + k++ + "]", e);
                }
                if (o.getClass().getName().startsWith("java.")) {
                    return out;
                }
            } else if (o.getClass().isArray()) {
                if (!o.getClass().getComponentType().isPrimitive()) {
                    for (int k = 0; k < Array.getLength(o); k++) {
                        out.put("[" + k + "]", Array.get(o, k));
                    }
                }
                return out;
            }
        } catch (RuntimeException e) {
            return out; // a collection that cannot be walked now
        }
        if (o.getClass().getName().startsWith("java.") && !(o instanceof java.lang.ref.Reference)) {
            return out;
        }
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getName().startsWith("java.")) {
                break;
            }
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    out.put(c.getSimpleName() + "." + f.getName(), f.get(o));
                } catch (RuntimeException | IllegalAccessException e) {
                    // a field closed to reflection: not followed
                }
            }
        }
        return out;
    }
}
