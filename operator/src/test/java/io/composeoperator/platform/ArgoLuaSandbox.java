package io.composeoperator.platform;

import java.util.List;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.jse.JseBaseLib;

/**
 * Runs an Argo CD health script the way Argo CD runs a custom one, only stricter.
 *
 * <p>Argo CD (util/lua/lua.go) opens gopher-lua with {@code SkipOpenLibs} and then only the base,
 * package and table libraries and a "safe" os with {@code time} and {@code date}: no {@code
 * string}, {@code math}, {@code io} or {@code debug}. This sandbox opens base and table and then
 * removes everything from base that loads or runs code or touches files ({@code dofile}, {@code
 * load}, {@code loadfile}, {@code require}, ...), so a script that runs here uses nothing Argo CD
 * lacks. The object is the global {@code obj}, as in Argo CD.
 */
final class ArgoLuaSandbox {
  private static final List<String> REMOVED_FROM_BASE =
      List.of(
          "dofile",
          "load",
          "loadfile",
          "loadstring",
          "require",
          "module",
          "collectgarbage",
          "print");

  private ArgoLuaSandbox() {}

  /** Runs {@code script} with {@code obj} bound to the object; returns what it returns. */
  static LuaValue run(String script, Map<String, Object> object) {
    Globals globals = new Globals();
    globals.load(new JseBaseLib());
    // luaj registers libraries in package.loaded: load package first, then take it away.
    globals.load(new PackageLib());
    globals.load(new TableLib());
    LoadState.install(globals);
    LuaC.install(globals);
    for (String name : REMOVED_FROM_BASE) {
      globals.set(name, LuaValue.NIL);
    }
    // luaj keeps the string metatable in a static field, set once any Globals loads the
    // string library; without it, ("x"):len() fails here as it does in Argo CD.
    LuaString.s_metatable = null;
    globals.set("obj", toLua(object));
    return globals.load(script, "health.lua").call();
  }

  /** Converts parsed YAML/JSON (maps, lists, scalars) into Lua values, as Argo CD's decodeValue. */
  static LuaValue toLua(Object value) {
    if (value == null) {
      return LuaValue.NIL;
    }
    if (value instanceof Map<?, ?> map) {
      LuaTable table = new LuaTable();
      map.forEach((k, v) -> table.set(String.valueOf(k), toLua(v)));
      return table;
    }
    if (value instanceof List<?> list) {
      LuaTable table = new LuaTable();
      for (int i = 0; i < list.size(); i++) {
        table.set(i + 1, toLua(list.get(i)));
      }
      return table;
    }
    if (value instanceof Boolean b) {
      return LuaValue.valueOf(b);
    }
    if (value instanceof Number n) {
      // Argo CD decodes every JSON number to a float64 LNumber.
      return LuaValue.valueOf(n.doubleValue());
    }
    return LuaValue.valueOf(value.toString());
  }
}
