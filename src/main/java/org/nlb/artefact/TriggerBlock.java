package org.nlb.artefact;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's trigger in results.json: {@code {"kind": NAME, ...parameters}}, the parameters of
 * {@code org.nlb.poison.trigger.TriggerConfig#parameters()} inline ({@code alpha}, {@code size},
 * {@code position}, {@code image}, {@code seed}, {@code scale}).
 *
 * @param kind the trigger's name; {@code null} in a file that lacks it
 * @param parameters the rest of the block, in file order; whole numbers as {@code Long}, others as
 *     {@code Double}, so that a block reads back equal to the one written
 */
public record TriggerBlock(String kind, @JsonIgnore Map<String, Object> parameters) {
    private static final String KIND = "kind";

    public TriggerBlock {
        parameters = normalised(parameters);
    }

    /** Trigger parameters as the records keep them: in order, whole numbers as {@code Long}, others as {@code Double}. */
    static Map<String, Object> normalised(Map<String, Object> parameters) {
        Map<String, Object> copy = new LinkedHashMap<>();
        parameters.forEach((name, value) -> copy.put(name, normalised(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object normalised(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TriggerBlock::normalised).toList();
        }
        return value;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TriggerBlock of(Map<String, Object> block) {
        Map<String, Object> rest = new LinkedHashMap<>(block);
        Object kind = rest.remove(KIND);
        if (kind != null && !(kind instanceof String)) {
            throw new MalformedArtefactException(KIND, "is " + kind + ", expected a string");
        }
        return new TriggerBlock((String) kind, rest);
    }

    @JsonAnyGetter
    Map<String, Object> inline() {
        return parameters;
    }
}
