package my.domain.tutorial.api.friendship;

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
}
