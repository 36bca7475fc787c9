package dev.jamfmcp.simulator.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Fills a {@link Computers} table with a plausible, seed-determined Mac fleet. */
final class ComputerGenerator {
  private static final String SERIAL_CHARS = "0123456789BCDFGHJKLMNPQRTVWXYZ";
  private static final long DAY = Duration.ofDays(1).toMillis();

  private final SplittableRandom random;
  private final long now;
  private final Weighted models = new Weighted(Catalog.MODEL_WEIGHTS);
  private final Weighted releases = new Weighted(Catalog.OS_WEIGHTS);
  private final Weighted departments = new Weighted(Catalog.DEPARTMENT_WEIGHTS);
  private final Weighted buildings = new Weighted(Catalog.BUILDING_WEIGHTS);
  private final Set<String> serials = new HashSet<>();
  private final Map<String, Integer> usernames = new HashMap<>();

  ComputerGenerator(SplittableRandom random, Instant now) {
    this.random = random;
    this.now = now.toEpochMilli();
  }

  Computers generate(long seed, int size) {
    Computers c = new Computers(seed, size);
    for (int row = 0; row < size; row++) {
      fill(c, row);
      realism(c, seed, row);
    }
    return c;
  }

  /**
   * What breaks tools in real fleets: Macs that never checked in, unmanaged Macs, values the
   * inventory did not collect, MDM profiles near or past expiry, bootstrap tokens not escrowed, and
   * no macOS older than the hardware shipped with. Drawn from hashes of the seed and row rather
   * than from {@link #random}, so every other column stays what the seed gave before.
   */
  private void realism(Computers c, long seed, int row) {
    int firstMajor = Catalog.MODEL_FIRST_MACOS[c.model[row]];
    if (c.os(row).major() < firstMajor) {
      c.os[row] = (byte) supportedRelease(firstMajor, Hashes.mix(seed, row, 0x05L));
    }
    c.site[row] = (byte) Catalog.SITE_OF_BUILDING[c.building[row]];
    boolean never = percent(seed, row, 0x0EL) < 1;
    if (never) {
      // a record created before the Mac ever reached Jamf Pro (imported, or a prestage that
      // never finished): no check-in, no inventory, no MDM profile
      c.lastContact[row] = Computers.NEVER;
      c.reportDate[row] = Computers.NEVER;
      c.fileVault[row] = Computers.FILE_VAULT_NOT_COLLECTED;
      c.sip[row] = Computers.SIP_NOT_COLLECTED;
      c.gatekeeper[row] = Computers.GATEKEEPER_NOT_COLLECTED;
      c.state[row] |= Computers.FIREWALL_NOT_COLLECTED;
      c.bootstrapToken[row] = Computers.BOOTSTRAP_NOT_COLLECTED;
      c.mdmProfileExpiration[row] = Computers.NEVER;
      return;
    }
    boolean unmanaged = percent(seed, row, 0x1AL) < 2;
    if (unmanaged) {
      c.state[row] |= Computers.UNMANAGED;
      c.mdmProfileExpiration[row] = Computers.NEVER;
    } else {
      int expiry = percent(seed, row, 0x2BL);
      long within = Math.floorMod(Hashes.mix(seed, row, 0x2CL), 700L);
      c.mdmProfileExpiration[row] =
          expiry < 1
              ? now - (1 + within % 120) * DAY // expired: the Mac stopped renewing it
              : expiry < 4 ? now + (1 + within % 30) * DAY : now + (31 + within) * DAY;
    }
    int sip = percent(seed, row, 0x3CL);
    if (sip < 3) {
      c.sip[row] = Computers.SIP_NOT_COLLECTED;
    } else if (sip < 4) {
      c.sip[row] = Computers.SIP_NOT_AVAILABLE;
    }
    if (percent(seed, row, 0x4DL) < 4) {
      c.gatekeeper[row] = Computers.GATEKEEPER_NOT_COLLECTED;
    }
    if (percent(seed, row, 0x5EL) < 2) {
      c.fileVault[row] = Computers.FILE_VAULT_NOT_COLLECTED;
    }
    if (percent(seed, row, 0x6FL) < 3) {
      c.state[row] |= Computers.FIREWALL_NOT_COLLECTED;
    }
    int token = percent(seed, row, 0x70L);
    if (token < 3) {
      c.bootstrapToken[row] = Computers.BOOTSTRAP_NOT_COLLECTED;
    } else {
      boolean escrowed = !unmanaged && c.supervised(row) && token < 93;
      c.bootstrapToken[row] = (byte) (escrowed ? 0 : 1);
    }
  }

  private static int percent(long seed, int row, long salt) {
    return (int) Math.floorMod(Hashes.mix(seed, row, salt), 100L);
  }

  /** A release of at least {@code firstMajor}, weighted as the fleet's releases are. */
  private static int supportedRelease(int firstMajor, long hash) {
    int sum = 0;
    for (int i = 0; i < Catalog.OS_RELEASES.size(); i++) {
      sum += Catalog.OS_RELEASES.get(i).major() >= firstMajor ? Catalog.OS_WEIGHTS[i] : 0;
    }
    long ticket = Math.floorMod(hash, (long) sum);
    for (int i = 0; i < Catalog.OS_RELEASES.size(); i++) {
      if (Catalog.OS_RELEASES.get(i).major() >= firstMajor) {
        ticket -= Catalog.OS_WEIGHTS[i];
        if (ticket < 0) {
          return i;
        }
      }
    }
    throw new AssertionError("no release for macOS " + firstMajor);
  }

  private void fill(Computers c, int row) {
    int model = models.pick(random);
    ComputerModel m = Catalog.MODELS.get(model);
    c.model[row] = (byte) model;
    int os = releases.pick(random);
    c.os[row] = (byte) os;
    c.serial[row] = serial(m.appleSilicon() ? 10 : 12);
    boolean assigned = random.nextInt(100) >= 6; // loaners and kiosks have no user
    int department = departments.pick(random);
    c.department[row] = (byte) (assigned ? department + 1 : 0);
    c.building[row] = (byte) (random.nextInt(100) < 97 ? buildings.pick(random) + 1 : 0);
    String first = Catalog.FIRST_NAMES.get(random.nextInt(Catalog.FIRST_NAMES.size()));
    String last = Catalog.LAST_NAMES.get(random.nextInt(Catalog.LAST_NAMES.size()));
    c.username[row] = assigned ? username(first, last) : "";
    c.realname[row] = assigned ? first + " " + last : "";
    c.name[row] = computerName(row, m, first, assigned, department, c.serial[row]);
    c.lastContact[row] = now - lastContactAge();
    c.reportDate[row] = c.lastContact[row] - random.nextLong(2 * DAY);
    c.enrolled[row] = c.reportDate[row] - (30 + random.nextLong(900)) * DAY - random.nextLong(DAY);
    int building = c.building[row];
    c.ip[row] =
        (10 << 24)
            | ((building * 16 + department) << 16)
            | (random.nextInt(254) << 8)
            | (1 + random.nextInt(253));
    c.fileVault[row] = (byte) pickPercent(86, 4, 8); // ALL, BOOT, NOT, else SOME
    c.sip[row] = (byte) (random.nextInt(100) < 97 ? 0 : 1);
    c.gatekeeper[row] = (byte) pickPercent(90, 6);
    int flags = 0;
    flags |= random.nextInt(100) < 82 ? Computers.FIREWALL : 0;
    boolean ade = random.nextInt(100) < 88;
    flags |= ade ? Computers.AUTOMATED_ENROLLMENT | Computers.SUPERVISED : 0;
    flags |= m.appleSilicon() && random.nextInt(100) < 70 ? Computers.ACTIVATION_LOCK : 0;
    flags |= m.appleSilicon() && random.nextInt(100) < 40 ? Computers.RECOVERY_LOCK : 0;
    flags |= random.nextInt(100) < 72 ? Computers.ASSET_TAG : 0;
    c.flags[row] = (byte) flags;
  }

  /** Most Macs checked in this week; a tail has gone quiet for months. */
  private long lastContactAge() {
    int bucket = random.nextInt(100);
    long jitter = random.nextLong(DAY);
    if (bucket < 74) {
      return random.nextLong(7) * DAY + jitter;
    } else if (bucket < 86) {
      return (7 + random.nextLong(23)) * DAY + jitter;
    } else if (bucket < 95) {
      return (30 + random.nextLong(60)) * DAY + jitter;
    }
    return (90 + random.nextLong(300)) * DAY + jitter;
  }

  private int pickPercent(int... percents) {
    int ticket = random.nextInt(100);
    int sum = 0;
    for (int i = 0; i < percents.length; i++) {
      sum += percents[i];
      if (ticket < sum) {
        return i;
      }
    }
    return percents.length;
  }

  private String computerName(
      int row, ComputerModel m, String first, boolean assigned, int department, String serial) {
    int style = random.nextInt(100);
    if (assigned && style < 45) {
      return first + "'s " + m.shortName();
    }
    if (style < 90) {
      String code = assigned ? Catalog.DEPARTMENT_CODES.get(department) : "LAB";
      return m.namePrefix() + "-" + code + "-" + Digits.decimal(row + 1, 4);
    }
    return serial; // some fleets never rename from the serial
  }

  private String serial(int length) {
    while (true) {
      StringBuilder out = new StringBuilder(length);
      out.append(length == 12 ? "C02" : "");
      while (out.length() < length) {
        out.append(SERIAL_CHARS.charAt(random.nextInt(SERIAL_CHARS.length())));
      }
      String serial = out.toString();
      if (serials.add(serial)) {
        return serial;
      }
    }
  }

  private String username(String first, String last) {
    String base =
        (first + "." + last).toLowerCase(java.util.Locale.ROOT).replace("'", "").replace("ü", "u");
    int seen = usernames.merge(base, 1, Integer::sum);
    return seen == 1 ? base : base + seen;
  }
}
