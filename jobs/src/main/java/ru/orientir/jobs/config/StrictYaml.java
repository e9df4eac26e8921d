package ru.orientir.jobs.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * How orientir.yml is read and bound: YAML with a key written twice refused, then records with kebab-case keys where
 * an unknown key, a wrong type, a fraction where a whole number is expected or a number for a named value is an error.
 * Every error becomes a {@link ConfigException} in Russian that starts with the file and names the key by its full
 * dotted path ({@code schedule.store.url}, list items numbered from 1: {@code ingest.mark2-bounds[1].year}); for an
 * unknown key it suggests the nearest valid one ({@link NearestKey}) or lists the valid ones.
 */
final class StrictYaml {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Secrets are never read from the file: where each one goes instead. */
    private static final Map<String, String> SECRETS = Map.of(
            "warehouse.password", "ORIENTIR_WAREHOUSE_PASSWORD",
            "batch.password", "ORIENTIR_BATCH_PASSWORD",
            "schedule.store.password", "ORIENTIR_QUARTZ_PASSWORD",
            "ingest.pseudonym-key", "ORIENTIR_PSEUDONYM_KEY");

    private StrictYaml() {
    }

    /** The YAML tree of {@code text}; null for an empty file. */
    static JsonNode read(String text, String file) {
        try {
            JsonNode tree = YAML.readTree(text);
            return tree == null || tree.isMissingNode() || tree.isNull() ? null : tree;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (строка " + e.getLocation().getLineNr() + ", столбец " + e.getLocation().getColumnNr() + ")";
            if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
                // where the YAML parser saw the problem (a tab, an unclosed bracket), not where it last read a token
                where = " (строка " + (y.getProblemMark().getLine() + 1) + ", столбец " + (y.getProblemMark().getColumn() + 1) + ")";
            }
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (message.startsWith("Duplicate field")) {
                String key = duplicateKey(e, message);
                throw new ConfigException(file + ": ключ «" + key + "» записан дважды" + where
                        + ". Оставьте один (второй молча заменил бы первый) и запустите команду снова.");
            }
            throw new ConfigException(file + ": файл не читается как YAML" + where + ". Проверьте отступы (пробелы, "
                    + "не табуляция), двоеточие после каждого ключа и кавычки, затем запустите команду снова.\n" + message);
        }
    }

    /**
     * {@code tree} bound to {@code type}; {@code at} is where the tree sits in the file ("" for the whole file,
     * {@code analytics} for that section), for the messages.
     */
    static <T> T bind(JsonNode tree, Class<T> type, String file, String at) {
        checkKeys(tree, type, file, at);
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw error(e, file, at);
        }
    }

    /**
     * Refuses the first key of {@code tree} that {@code type} does not have, walking records (their components, by
     * their kebab-case or {@link JsonProperty} names), lists and maps. Done before binding because the binder reports a
     * misspelt key of a record only after the record, by then as the missing correct key.
     */
    static void checkKeys(JsonNode tree, Type type, String file, String path) {
        if (tree == null || !tree.isContainerNode()) {
            return;
        }
        Class<?> raw = raw(type);
        if (raw == null || JsonNode.class.isAssignableFrom(raw)) {
            return;
        }
        if (raw.isRecord() && tree.isObject()) {
            Map<String, RecordComponent> components = new LinkedHashMap<>();
            for (RecordComponent c : raw.getRecordComponents()) {
                components.put(name(c), c);
            }
            for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
                String key = names.next();
                RecordComponent c = components.get(key);
                if (c == null) {
                    throw unknownKey(file, path, key, components.keySet());
                }
                checkKeys(tree.get(key), c.getGenericType(), file, path.isEmpty() ? key : path + "." + key);
            }
        } else if (Collection.class.isAssignableFrom(raw) && tree.isArray()) {
            for (int i = 0; i < tree.size(); i++) {
                checkKeys(tree.get(i), argument(type, 0), file, path + "[" + (i + 1) + "]");
            }
        } else if (Map.class.isAssignableFrom(raw) && tree.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = tree.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                checkKeys(field.getValue(), argument(type, 1), file, path + "." + field.getKey());
            }
        }
    }

    /** A record component's key: its {@link JsonProperty} name, else its name in kebab-case. */
    private static String name(RecordComponent c) {
        JsonProperty explicit = c.getAccessor().getAnnotation(JsonProperty.class);
        if (explicit != null && !explicit.value().isEmpty()) {
            return explicit.value();
        }
        return PropertyNamingStrategies.KebabCaseStrategy.INSTANCE.translate(c.getName());
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }

    static ConfigException error(JsonProcessingException e, String file, String at) {
        String path = path(at, e instanceof JsonMappingException m ? m.getPath() : List.of());
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            return unknownKey(file, parent(path), u.getPropertyName(), known);
        }
        String key = path.isEmpty() ? "" : path + ": ";
        if (e instanceof InvalidFormatException f) {
            return new ConfigException(file + ": " + key + "значение «" + f.getValue() + "» не подходит (ожидается "
                    + expected(f.getTargetType()) + "). Исправьте значение и запустите команду снова.");
        }
        if (e instanceof MismatchedInputException m) {
            if (m.getOriginalMessage() != null && m.getOriginalMessage().startsWith("Cannot map `null`")) {
                return new ConfigException(file + ": " + key + "значение не задано (ожидается " + expected(m.getTargetType())
                        + "). Задайте его и запустите команду снова.");
            }
            if (path.isEmpty()) {
                return new ConfigException(file + ": файл должен быть словарём ключей (например, «warehouse:», "
                        + "«schedule:»), а не " + found(m) + ". Исправьте файл и запустите команду снова.");
            }
            return new ConfigException(file + ": " + key + "неверный тип значения (ожидается " + expected(m.getTargetType())
                    + ", а указан " + found(m) + "). Исправьте значение и запустите команду снова.");
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return new ConfigException(file + ": " + key + v.getCause().getMessage());
        }
        return new ConfigException(file + ": " + key + "значение не читается. Исправьте его и запустите команду снова.\n"
                + e.getOriginalMessage());
    }

    /**
     * An unknown key {@code key} under {@code parent} (a dotted path, "" at the top): the nearest valid key of
     * {@code known}, or the list of them.
     */
    static ConfigException unknownKey(String file, String parent, String key, Collection<String> known) {
        return unknownKey(file, parent, key, known, NearestKey.of(key, known));
    }

    /** {@link #unknownKey(String, String, String, Collection)} with the valid key it stands for already known. */
    static ConfigException unknownKey(String file, String parent, String key, Collection<String> known,
                                      Optional<String> nearest) {
        String full = parent.isEmpty() ? key : parent + "." + key;
        String prefix = parent.isEmpty() ? "" : parent + ".";
        String secret = secretVariable(full, key);
        if (secret != null) {
            return new ConfigException(file + ": ключ «" + full + "» не допускается: секреты (пароли, ключи) в файле "
                    + "конфигурации не хранятся. Уберите его из файла и задайте " + secret + ", затем запустите команду снова.");
        }
        String hint = nearest.map(n -> "Возможно, имелось в виду «" + prefix + n + "». ")
                .orElseGet(() -> known.isEmpty() ? "" : "Допустимые ключи "
                        + (parent.isEmpty() ? "верхнего уровня" : "в «" + parent + "»") + ": "
                        + String.join(", ", known.stream().sorted().toList()) + ". ");
        return new ConfigException(file + ": неизвестный ключ «" + full + "». " + hint
                + "Исправьте ключ и запустите команду снова.");
    }

    private static String secretVariable(String full, String key) {
        String variable = SECRETS.get(full);
        if (variable != null) {
            return "переменную окружения " + variable + " (или " + variable + "_FILE — путь к файлу с секретом)";
        }
        String k = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        if (k.contains("password") || k.contains("passwd") || k.contains("secret") || k.contains("token")
                || k.contains("пароль") || k.equals("pseudonymkey")) {
            return "его в переменной окружения (README, раздел «Configuration»)";
        }
        return null;
    }

    private static String path(String at, List<JsonMappingException.Reference> refs) {
        StringBuilder path = new StringBuilder(at);
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex() + 1).append(']');
            }
        }
        return path.toString();
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    private static String duplicateKey(JsonProcessingException e, String message) {
        String name = message.replaceFirst("^Duplicate field '(.*)'.*$", "$1");
        if (e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null) {
            var context = p.getParsingContext().getParent();
            List<String> names = new ArrayList<>();
            for (; context != null; context = context.getParent()) {
                if (context.getCurrentName() != null) {
                    names.add(0, context.getCurrentName());
                }
            }
            names.add(name);
            return String.join(".", names);
        }
        return name;
    }

    private static String found(MismatchedInputException e) {
        if (e.getProcessor() instanceof JsonParser p && p.currentToken() != null) {
            return switch (p.currentToken()) {
                case START_OBJECT, END_OBJECT, FIELD_NAME -> "словарь";
                case START_ARRAY, END_ARRAY -> "список";
                case VALUE_STRING -> "текст";
                case VALUE_NUMBER_INT -> "целое число";
                case VALUE_NUMBER_FLOAT -> "дробное число";
                case VALUE_TRUE, VALUE_FALSE -> "true/false";
                case VALUE_NULL -> "пустое значение";
                default -> "другое значение";
            };
        }
        return "другое значение";
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "другое значение";
        }
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder("одно из:");
            for (Object c : type.getEnumConstants()) {
                values.append(' ').append(c.toString().toLowerCase(Locale.ROOT));
            }
            return values.toString();
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "целое число";
        }
        if (type == double.class || type == Double.class) {
            return "число";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true или false";
        }
        if (type == String.class) {
            return "текст";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "список";
        }
        return "словарь ключей";
    }
}
