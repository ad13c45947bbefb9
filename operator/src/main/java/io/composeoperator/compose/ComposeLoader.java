package io.composeoperator.compose;

import io.composeoperator.compose.model.ComposeModel;
import io.composeoperator.compose.model.NetworkConfig;
import io.composeoperator.compose.model.SecretEnvFile;
import io.composeoperator.compose.model.ServiceConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Loads a Compose document into the model: YAML with safe limits ({@link YamlReader}),
 * interpolation from the given variables only ({@link Interpolator}), {@code extends} ({@link
 * Extends}), profiles, normalization of every syntax ({@link ServiceNormalizer}, {@link TopLevel})
 * and validation. Bad input is a {@link ComposeException} naming the file, the YAML path and the
 * problem.
 */
public final class ComposeLoader {

  private static final Pattern SERVICE_NAME = Pattern.compile("[a-zA-Z0-9._-]+");

  private final ComposeSource source;
  private final Fields fields;
  private final List<Warning> warnings = new ArrayList<>();
  private final ProjectFiles files = new ProjectFiles();
  private final Map<String, Map<String, Object>> otherFiles = new HashMap<>();
  private final SortedSet<String> variablesUsed = new TreeSet<>();
  private final SortedSet<String> includeEnvFiles = new TreeSet<>();
  private final Variables variables;

  private ComposeLoader(ComposeSource source) {
    this.source = source;
    this.variables = source.variables().recordingInto(variablesUsed);
    this.fields = new Fields(source.fileName());
    source.files().forEach((path, content) -> files.put(ProjectPaths.normalize(path), content));
  }

  /** Loads, interpolates, normalizes and validates. */
  public static LoadResult load(ComposeSource source) {
    return new ComposeLoader(source).load();
  }

  private LoadResult load() {
    Map<String, Object> doc = document(source.fileName(), source.text());
    fields.checkKeys(doc, ComposeKeys.TOP_LEVEL_KEYS, "");
    SortedMap<String, String> origins = new TreeMap<>();
    for (String override : source.overrideFiles()) {
      String file = ProjectPaths.normalize(override);
      Map<String, Object> other = overrideFile(file);
      recordAdded(origins, doc, other, file);
      doc = ProjectMerger.merge(doc, other);
    }
    doc = new Includes(fields, this::includedFile, this::includeEnvironment, origins).resolve(doc);
    List<String> ignored = new ArrayList<>();
    if (doc.containsKey("version")) {
      warnings.add(new Warning("version", "the top-level version key is obsolete and ignored"));
    }
    if (doc.containsKey("models")) {
      ignored.add("models");
    }
    Map<String, Object> top = ServiceMerger.strip(doc);
    TopLevel topLevel = new TopLevel(fields, variables, ignored, warnings);
    // Independent problems are reported together: every top-level section, then every service.
    Problems problems = new Problems();
    // (a failed section yields null: the problems are thrown before any section is used)
    var volumes = problems.attempt(() -> topLevel.volumes(top.get("volumes")), null);
    var networks = problems.attempt(() -> topLevel.networks(top.get("networks")), null);
    var secrets = problems.attempt(() -> topLevel.secrets(top.get("secrets")), null);
    var configs = problems.attempt(() -> topLevel.configs(top.get("configs")), null);
    Object servicesValue = doc.get("services");
    Map<String, Object> rawServices =
        problems.attempt(() -> fields.map(servicesValue, "services"), Map.of());
    rawServices.keySet().forEach(name -> problems.check(() -> checkServiceName(name)));
    problems.throwIfAny();
    Map<String, Object> services = new Extends(fields, this::servicesOf).resolveAll(rawServices);

    Map<String, SecretEnvFile> secretEnvFiles = new HashMap<>();
    source
        .secretEnvFiles()
        .forEach((path, entries) -> secretEnvFiles.put(ProjectPaths.normalize(path), entries));
    Environment environment = new Environment(fields, files, variables, warnings, secretEnvFiles);
    ServiceNormalizer normalizer =
        new ServiceNormalizer(
            fields,
            environment,
            warnings,
            volumes.keySet(),
            networks.keySet(),
            secrets.keySet(),
            configs.keySet());
    Map<String, ServiceConfig> enabled = new LinkedHashMap<>();
    Map<String, List<String>> disabled = new HashMap<>();
    services.forEach(
        (name, value) ->
            problems.check(
                () -> {
                  Map<String, Object> service = fields.map(value, "services." + name);
                  List<String> profiles =
                      Profiles.of(
                          fields, service.get("profiles"), "services." + name + ".profiles");
                  if (Profiles.enabled(profiles, source.profiles())) {
                    enabled.put(name, normalizer.normalize(name, service));
                  } else {
                    disabled.put(name, profiles);
                  }
                }));
    problems.throwIfAny();
    if (enabled.isEmpty() && !disabled.isEmpty()) {
      warnings.add(new Warning("services", Profiles.nothingEnabled(disabled)));
    }
    Map<String, ServiceConfig> checked =
        new DependencyCheck(fields, warnings).check(enabled, disabled);
    SortedMap<String, NetworkConfig> allNetworks = new TreeMap<>(networks);
    boolean usesDefault =
        checked.values().stream().anyMatch(s -> s.networks().containsKey("default"));
    if (usesDefault && !allNetworks.containsKey("default")) {
      allNetworks.put(
          "default", new NetworkConfig("default", null, false, false, null, new TreeMap<>(), true));
    }
    ComposeModel model =
        new ComposeModel(
            source.fileName(),
            fields.string(doc.get("name"), "name"),
            new TreeMap<>(checked),
            volumes,
            allNetworks,
            secrets,
            configs,
            new TreeMap<>(files),
            ignored,
            origins);
    return new LoadResult(
        model, warnings, files.read(), variablesUsed, environment.envFiles(), includeEnvFiles);
  }

  /** Records {@code file} as the origin of each element {@code other} adds to {@code doc}. */
  private static void recordAdded(
      Map<String, String> origins,
      Map<String, Object> doc,
      Map<String, Object> other,
      String file) {
    for (String section : Includes.SECTIONS) {
      if (other.get(section) instanceof Map<?, ?> added) {
        Map<?, ?> existing = doc.get(section) instanceof Map<?, ?> m ? m : Map.of();
        for (Object key : added.keySet()) {
          if (!existing.containsKey(key)) {
            origins.putIfAbsent(section + "." + key, file);
          }
        }
      }
    }
  }

  /** Reads and interpolates one document. */
  private Map<String, Object> document(String fileName, String text) {
    Map<String, Object> raw = YamlReader.read(fileName, text);
    @SuppressWarnings("unchecked") // the interpolated copy of a mapping is a mapping
    Map<String, Object> doc =
        (Map<String, Object>) new Interpolator(fileName, variables, warnings).tree(raw, "");
    return doc;
  }

  /** The {@code services} of another project file, for {@code extends.file}. */
  private Map<String, Object> servicesOf(String file, String path) {
    return new Fields(file).map(projectFile(file, path).get("services"), "services");
  }

  /**
   * A file merged over the Compose file ({@code -f}), checked on its own so that a misspelt key is
   * reported in the file that has it.
   */
  private Map<String, Object> overrideFile(String file) {
    Map<String, Object> doc = projectFile(file, "overrideFiles");
    Fields own = new Fields(file);
    if (doc.get("services") instanceof Map<?, ?> services) {
      services.forEach(
          (name, service) -> {
            if (service instanceof Map<?, ?>) {
              own.checkKeys(
                  own.map(service, "services." + name),
                  ComposeKeys.SERVICE_KEYS,
                  "services." + name);
            }
          });
    }
    return doc;
  }

  /** Another project file (extended or included), read and interpolated once. */
  private Map<String, Object> projectFile(String file, String path) {
    return includedFile(file, path, Map.of());
  }

  /**
   * An included file, read and interpolated once per environment: the project's variables, then
   * {@code fallback} (the include's {@code env_file}) for the names they do not set.
   */
  private Map<String, Object> includedFile(String file, String path, Map<String, String> fallback) {
    String cacheKey = fallback.isEmpty() ? file : file + "\n" + new TreeMap<>(fallback);
    Map<String, Object> known = otherFiles.get(cacheKey);
    if (known != null) {
      return known;
    }
    String text = files.get(file);
    if (text == null) {
      throw fields.error(
          path,
          "file "
              + Fields.quote(file)
              + " was not provided: put it into spec.files (operator) or beside the compose file"
              + " (CLI)");
    }
    Map<String, Object> raw = YamlReader.read(file, text);
    @SuppressWarnings("unchecked") // the interpolated copy of a mapping is a mapping
    Map<String, Object> doc =
        (Map<String, Object>)
            new Interpolator(file, variables.withFallback(fallback), warnings).tree(raw, "");
    new Fields(file).checkKeys(doc, ComposeKeys.TOP_LEVEL_KEYS, "");
    otherFiles.put(cacheKey, doc);
    return doc;
  }

  /**
   * The variables an {@code include} entry's env files give its included files (compose-go {@code
   * loader/include.go}): each file's variables, a later file winning, interpolated with the
   * including project's variables; {@code inherited} are those of the enclosing include, which win
   * over these as the project's own do. An explicit env file that is missing is an error; the
   * default one (the included project's {@code .env}) is used only when it is there.
   *
   * @param envFiles project paths of the env files
   * @param explicit true when the include names them, false for the default {@code .env}
   */
  private Map<String, String> includeEnvironment(
      List<String> envFiles, boolean explicit, Map<String, String> inherited, String path) {
    Map<String, String> own = new LinkedHashMap<>();
    for (String envFile : envFiles) {
      String text = files.get(envFile);
      if (text == null) {
        if (!explicit) {
          continue;
        }
        throw fields.error(
            path,
            "env file "
                + Fields.quote(envFile)
                + " was not provided: put it into spec.files (operator) or beside the compose file"
                + " (CLI)");
      }
      includeEnvFiles.add(envFile);
      // a value may use the project's variables, the enclosing include's, and earlier files'
      Map<String, String> lookup = new HashMap<>(own);
      lookup.putAll(inherited);
      Variables known = variables.withFallback(lookup);
      new EnvFileParser(new Fields(envFile), known, warnings)
          .parse(envFile, text, false)
          .forEach(
              (key, value) -> {
                if (value instanceof String s) {
                  own.put(key, s);
                } else if (value instanceof SecretRef ref) {
                  own.put(key, known.values().get(ref.variable()));
                }
              });
    }
    Map<String, String> merged = new TreeMap<>(own);
    merged.putAll(inherited);
    return merged;
  }

  private void checkServiceName(String name) {
    if (!SERVICE_NAME.matcher(name).matches()) {
      throw fields.error(
          "services." + name,
          Fields.quote(name) + " is not a service name (letters, digits, . _ -)");
    }
  }
}
