package my.domain.tutorial.api.friendship;

import java.util.Optional;

/** Why a Foo is or is not happy. The names are the condition reasons written to status. */
public enum Reason {
  FriendFound,
  FriendNotFound,
  FriendTerminating,
  /**
   * The Foo names no friend (no spec or no spec.name): possible for Foos stored before spec was
   * required.
   */
  NoFriendNamed;

  /** The reason named {@code name} (as read back from a status), if it is one. */
  public static Optional<Reason> parse(String name) {
    for (Reason r : values()) {
      if (r.name().equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
