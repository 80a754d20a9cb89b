package my.domain.tutorial.operator.reconciler;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.UUID;

/**
 * What every cached object keeps of its identity: namespace (interned, shared by every object of a
 * namespace), name, uid and resourceVersion, the last two held as numbers when they are a UUID and
 * a decimal as the API server writes them ({@link Packing}), their text otherwise. A base class
 * rather than a field, so it costs no object of its own.
 */
abstract class CachedIdentity {
  private static final byte UID_PACKED = 1;
  private static final byte VERSION_PACKED = 2;

  private final String namespace;
  private final String name;
  private final long uidHigh;
  private final long uidLow;

  /** The uid when it is not a UUID in its canonical form (null with it). */
  private final String uidText;

  private final long resourceVersion;

  /** The resourceVersion when it is not a plain decimal (null with it). */
  private final String resourceVersionText;

  private final byte packed;

  CachedIdentity(ObjectMeta meta) {
    namespace = meta.getNamespace() == null ? null : meta.getNamespace().intern();
    name = meta.getName();
    UUID uid = Packing.uuid(meta.getUid());
    uidHigh = uid == null ? 0 : uid.getMostSignificantBits();
    uidLow = uid == null ? 0 : uid.getLeastSignificantBits();
    uidText = uid == null ? meta.getUid() : null;
    long version = Packing.decimal(meta.getResourceVersion());
    resourceVersion = version;
    resourceVersionText = version < 0 ? meta.getResourceVersion() : null;
    packed = (byte) ((uid == null ? 0 : UID_PACKED) | (version < 0 ? 0 : VERSION_PACKED));
  }

  String namespace() {
    return namespace;
  }

  String name() {
    return name;
  }

  /** New metadata with the identity this keeps, and nothing else set. */
  ObjectMeta identity() {
    ObjectMeta meta = new ObjectMeta();
    meta.setNamespace(namespace);
    meta.setName(name);
    meta.setUid((packed & UID_PACKED) != 0 ? new UUID(uidHigh, uidLow).toString() : uidText);
    meta.setResourceVersion(
        (packed & VERSION_PACKED) != 0 ? Long.toString(resourceVersion) : resourceVersionText);
    return meta;
  }
}
