package io.omnigraph.engine.root;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Graph branch name rules (04 §4): one or more {@code /}-separated segments of {@code
 * [A-Za-z0-9._-]} (no {@code .}/{@code ..} segment), at most 200 characters; {@code main} and the
 * reserved {@code __} prefix are not creatable; names are path-prefix-disjoint from every live
 * branch ({@code review} and {@code review/x} cannot coexist), since a Lance branch lives under
 * {@code <dataset>/tree/<name>}.
 */
final class Branches {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

  private Branches() {}

  static void checkNewName(String name, Set<String> live) {
    if (name == null || name.isEmpty() || name.length() > 200 || !NAME.matcher(name).matches()) {
      throw invalid(
          "invalid branch name '"
              + name
              + "': use letters, digits, '.', '_', '-' in '/'-separated segments");
    }
    for (String seg : name.split("/")) {
      if (seg.equals(".") || seg.equals("..")) {
        throw invalid("invalid branch name '" + name + "': no '.' or '..' segments");
      }
    }
    if (name.equals("main")) {
      throw invalid("branch name 'main' is reserved for the default branch");
    }
    if (name.startsWith("__")) {
      throw invalid("branch names starting with '__' are reserved for internal branches");
    }
    if (live.contains(name)) {
      throw new RootException(RootException.Kind.BRANCH_EXISTS, "branch already exists: " + name);
    }
    for (String b : live) {
      if (b.startsWith(name + "/") || name.startsWith(b + "/")) {
        throw invalid(
            "branch name '"
                + name
                + "' overlaps live branch '"
                + b
                + "' (names must be path-prefix-disjoint)");
      }
    }
  }

  private static RootException invalid(String message) {
    return new RootException(RootException.Kind.INVALID_BRANCH_NAME, message);
  }
}
