package org.nlb.artefact;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;

/**
 * The artefacts' convention for numbers that may be undefined: NaN (or an infinity) is written as
 * {@code null}; {@code null} is read back as NaN. An absent {@code double} is NaN too; an absent
 * {@code Double} stays {@code null}, for the fields a file may leave out.
 */
final class Numbers {
    private Numbers() {}

    static void write(double v, JsonGenerator g) throws IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            g.writeNull();
        } else {
            g.writeNumber(v);
        }
    }

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("nlb-numbers");
        m.addSerializer(Double.class, new Writer());
        m.addSerializer(double.class, new Writer());
        m.addDeserializer(Double.class, new Reader(false));
        m.addDeserializer(double.class, new Reader(true));
        return m;
    }

    private static final class Writer extends StdScalarSerializer<Double> {
        private static final long serialVersionUID = 1L;

        Writer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider provider) throws IOException {
            write(v, g);
        }
    }

    private static final class Reader extends StdScalarDeserializer<Double> {
        private static final long serialVersionUID = 1L;
        private final boolean primitive;

        Reader(boolean primitive) {
            super(Double.class);
            this.primitive = primitive;
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != null && p.currentToken().isNumeric()) {
                return p.getDoubleValue();
            }
            return (Double) ctxt.handleUnexpectedToken(primitive ? double.class : Double.class, p);
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) {
            return Double.NaN;
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return primitive ? Double.NaN : null;
        }
    }
}
