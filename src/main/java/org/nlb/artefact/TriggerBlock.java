package org.nlb.artefact;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run's trigger in results.json: {@code {"kind": NAME, ...parameters}}, the parameters of
 * {@code org.nlb.poison.trigger.TriggerConfig#parameters()} inline ({@code alpha}, {@code size},
 * {@code position}, {@code image}, {@code seed}, {@code scale}).
 *
 * @param kind the trigger's name; {@code null} in a file that lacks it
 * @param parameters the rest of the block, in file order
 */
public record TriggerBlock(String kind, @JsonIgnore Map<String, Object> parameters) {
    private static final String KIND = "kind";

    public TriggerBlock {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
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
