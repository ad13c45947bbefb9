package io.composeoperator.compose;

import io.composeoperator.compose.model.ServiceFileRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's {@code secrets} / {@code configs} (short: the name; long: source, target, uid, gid,
 * mode). Secrets default to {@code /run/secrets/<source>} and resolve relative targets there;
 * configs default to {@code /<source>} (compose-go {@code transform/defaults.go}, spec {@code
 * 08-configs.md}).
 */
final class FileRefs {

  private final Fields fields;
  private final List<Warning> warnings;

  FileRefs(Fields fields, List<Warning> warnings) {
    this.fields = fields;
    this.warnings = warnings;
  }

  List<ServiceFileRef> secrets(Object value, Set<String> declared, String path) {
    return refs(value, declared, path, "secret", "secrets");
  }

  List<ServiceFileRef> configs(Object value, Set<String> declared, String path) {
    return refs(value, declared, path, "config", "configs");
  }

  private List<ServiceFileRef> refs(
      Object value, Set<String> declared, String path, String kind, String section) {
    List<ServiceFileRef> out = new ArrayList<>();
    List<Object> items = fields.list(value, path);
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + i + "]";
      Object item = items.get(i);
      String source;
      String target = null;
      String uid = null;
      String gid = null;
      Integer mode = null;
      if (item instanceof Map) {
        Map<String, Object> map = fields.map(item, itemPath);
        fields.checkKeys(map, ComposeKeys.SERVICE_FILE_REF_KEYS, itemPath);
        source = fields.requiredString(map.get("source"), itemPath + ".source");
        target = fields.string(map.get("target"), itemPath + ".target");
        uid = fields.string(map.get("uid"), itemPath + ".uid");
        gid = fields.string(map.get("gid"), itemPath + ".gid");
        mode = FileModes.parseOctalDigits(fields, map.get("mode"), itemPath + ".mode", warnings);
      } else {
        source = fields.requiredString(item, itemPath);
      }
      if (!declared.contains(source)) {
        throw fields.error(
            itemPath,
            kind
                + " "
                + Fields.quote(source)
                + " is not declared in the top-level "
                + section
                + " section");
      }
      out.add(new ServiceFileRef(source, target(kind, source, target), uid, gid, mode));
    }
    return out;
  }

  private static String target(String kind, String source, String target) {
    boolean secret = kind.equals("secret");
    if (target == null || target.isEmpty()) {
      return secret ? "/run/secrets/" + source : "/" + source;
    }
    if (target.startsWith("/")) {
      return target;
    }
    return (secret ? "/run/secrets/" : "/") + target;
  }
}
