package dev.jamfmcp.simulator.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/** Generates iPhones and iPads with users drawn from the same name pools as the Macs. */
final class MobileDeviceGenerator {
  private static final long DAY = Duration.ofDays(1).toMillis();

  /** model, identifier, model number, capacity MB. */
  private static final String[][] MODELS = {
    {"iPhone 15", "iPhone15,4", "MTLW3LL/A", "131072"},
    {"iPhone 15 Pro", "iPhone16,1", "MTUX3LL/A", "262144"},
    {"iPhone 16", "iPhone17,3", "MYE93LL/A", "131072"},
    {"iPhone 16 Pro", "iPhone17,1", "MYNE3LL/A", "262144"},
    {"iPhone SE (3rd generation)", "iPhone14,6", "MMXN3LL/A", "65536"},
    {"iPad (10th generation)", "iPad13,18", "MPQ03LL/A", "65536"},
    {"iPad Air (M2)", "iPad14,8", "MUWD3LL/A", "131072"},
    {"iPad Pro (11-inch) (M4)", "iPad16,3", "MVV83LL/A", "262144"}
  };

  private static final String[][] TV_RELEASES = {{"18.6", "22M84"}, {"26.1", "23J582"}};

  private static final String[][] RELEASES = {
    {"17.7.2", "21H221"},
    {"18.3.2", "22D82"},
    {"18.6.2", "22G100"},
    {"26.0.1", "23A355"},
    {"26.1", "23B85"}
  };

  private final SplittableRandom random;
  private final long now;
  private final long seed;

  MobileDeviceGenerator(SplittableRandom random, Instant now, long seed) {
    this.random = random;
    this.now = now.toEpochMilli();
    this.seed = seed;
  }

  List<MobileDevice> generate(int count) {
    List<MobileDevice> devices = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      devices.add(withUnlockToken(withTraits(device(i + 1))));
    }
    return List.copyOf(devices);
  }

  private MobileDevice device(int id) {
    String[] model = MODELS[random.nextInt(MODELS.length)];
    String[] release = RELEASES[random.nextInt(RELEASES.length)];
    String first = Catalog.FIRST_NAMES.get(random.nextInt(Catalog.FIRST_NAMES.size()));
    String last = Catalog.LAST_NAMES.get(random.nextInt(Catalog.LAST_NAMES.size()));
    String username =
        (first + "." + last).toLowerCase(Locale.ROOT).replace("'", "").replace("ü", "u");
    boolean iPad = model[0].startsWith("iPad");
    String name =
        iPad && random.nextInt(3) == 0
            ? "IPAD-CART-" + Digits.decimal(id, 3)
            : first + "'s " + (iPad ? "iPad" : "iPhone");
    long lastContact =
        now - (random.nextInt(100) < 85 ? random.nextLong(3 * DAY) : random.nextLong(120 * DAY));
    int capacity = Integer.parseInt(model[3]);
    int departmentId = 1 + random.nextInt(Catalog.DEPARTMENTS.size());
    int buildingId = 1 + random.nextInt(Catalog.BUILDINGS.size());
    return new MobileDevice(
        id,
        name,
        serial(),
        udid(),
        new UUID(random.nextLong(), random.nextLong()).toString(),
        model[0],
        model[1],
        model[2],
        release[0],
        release[1],
        username,
        first + " " + last,
        username + "@" + Catalog.EMAIL_DOMAIN,
        departmentId,
        buildingId,
        lastContact,
        lastContact - random.nextLong(DAY),
        lastContact - (60 + random.nextLong(700)) * DAY,
        "10.200." + random.nextInt(256) + "." + (1 + random.nextInt(253)),
        mac(),
        mac(),
        random.nextInt(100) < 90,
        iPad ? "" : "+1 415 555 " + Digits.decimal(random.nextInt(10000), 4),
        capacity,
        capacity / 4 + random.nextInt(capacity / 2),
        20 + random.nextInt(81),
        mdmProfileExpiration(id),
        null,
        Catalog.SITE_OF_BUILDING[buildingId],
        true,
        false,
        true);
  }

  /**
   * What breaks tools, from hashes of the seed (so the draws of {@link #random}, and every other
   * field, stay what the seed gave before): one device in 20 is a conference-room Apple TV (tvOS,
   * supervised, no user, battery or phone), one in 25 is no longer managed, one supervised iPhone
   * in 20 is in lost mode, and one iPhone or iPad in 15 has no passcode.
   */
  private MobileDevice withTraits(MobileDevice d) {
    int tv = (int) Math.floorMod(Hashes.mix(seed, d.id(), 0x7CL), 100L);
    int unmanaged = (int) Math.floorMod(Hashes.mix(seed, d.id(), 0x7DL), 100L);
    int lost = (int) Math.floorMod(Hashes.mix(seed, d.id(), 0x7EL), 100L);
    int noPasscode = (int) Math.floorMod(Hashes.mix(seed, d.id(), 0x7FL), 100L);
    boolean appleTv = tv < 5;
    boolean managed = unmanaged >= 4;
    String[] release = TV_RELEASES[(int) Math.floorMod(Hashes.mix(seed, d.id(), 0x80L), 2L)];
    return new MobileDevice(
        d.id(),
        appleTv ? "CONF-ROOM-TV-" + Digits.decimal(d.id(), 3) : d.name(),
        d.serialNumber(),
        d.udid(),
        d.managementId(),
        appleTv ? "Apple TV 4K (3rd generation)" : d.model(),
        appleTv ? "AppleTV14,1" : d.modelIdentifier(),
        appleTv ? "MN893LL/A" : d.modelNumber(),
        appleTv ? release[0] : d.osVersion(),
        appleTv ? release[1] : d.osBuild(),
        appleTv ? "" : d.username(),
        appleTv ? "" : d.realName(),
        appleTv ? "" : d.email(),
        d.departmentId(),
        d.buildingId(),
        d.lastContactMillis(),
        d.lastInventoryMillis(),
        d.enrolledMillis(),
        d.ipAddress(),
        d.wifiMacAddress(),
        d.bluetoothMacAddress(),
        appleTv || d.supervised(),
        appleTv ? "" : d.phoneNumber(),
        appleTv ? 65536 : d.capacityMb(),
        appleTv ? 65536 / 2 : d.availableMb(),
        appleTv ? -1 : d.batteryLevel(),
        d.mdmProfileExpirationMillis(),
        null,
        d.siteId(),
        managed,
        !appleTv && managed && d.supervised() && !d.iPad() && lost < 5,
        appleTv || noPasscode >= 7);
  }

  /**
   * The unlock token Jamf escrowed at enrollment: supervised devices usually have one; a device
   * enrolled by the user, or one whose token never arrived, has none. From hashes of the seed so
   * the draws of {@link #random} (and so every other field) stay what the seed gave before.
   */
  private MobileDevice withUnlockToken(MobileDevice d) {
    boolean escrowed =
        d.supervised() && !d.appleTv() && Math.floorMod(Hashes.mix(seed, d.id(), 0x7AL), 100L) < 85;
    if (!escrowed) {
      return d;
    }
    byte[] token = new byte[24];
    for (int i = 0; i < token.length; i += 8) {
      long bits = Hashes.mix(seed, d.id(), 0x7BL + i);
      for (int b = 0; b < 8; b++) {
        token[i + b] = (byte) (bits >>> (8 * b));
      }
    }
    return d.withUnlockToken(java.util.Base64.getEncoder().encodeToString(token));
  }

  /** Most profiles renew well ahead; a few are about to expire, one in a hundred has. */
  private long mdmProfileExpiration(int id) {
    int bucket = (int) Math.floorMod(Hashes.mix(seed, id, 0x2BL), 100L);
    long within = Math.floorMod(Hashes.mix(seed, id, 0x2CL), 700L);
    return bucket < 1
        ? now - (1 + within % 120) * DAY
        : bucket < 4 ? now + (1 + within % 30) * DAY : now + (31 + within) * DAY;
  }

  private String serial() {
    StringBuilder out = new StringBuilder(10);
    String chars = "0123456789BCDFGHJKLMNPQRTVWXYZ";
    while (out.length() < 10) {
      out.append(chars.charAt(random.nextInt(chars.length())));
    }
    return out.toString();
  }

  /** Modern iOS UDIDs look like 00008110-001A2C3E3A10801E. */
  private String udid() {
    String model = Digits.hexUpper(random.nextInt(0x1000), 3);
    return "00008" + model + "-" + Digits.hexUpper(random.nextLong() & 0x00FFFFFFFFFFFFFFL, 16);
  }

  private String mac() {
    // Arguments drawn in the same order as before, so a seed gives the same fleet.
    StringBuilder out =
        new StringBuilder(17).append(Digits.hexLower(0x02 | (random.nextInt(64) << 2), 2));
    for (int i = 0; i < 5; i++) {
      out.append(':').append(Digits.hexLower(random.nextInt(256), 2));
    }
    return out.toString();
  }
}
