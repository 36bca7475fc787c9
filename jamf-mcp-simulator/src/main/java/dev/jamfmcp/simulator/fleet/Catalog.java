package dev.jamfmcp.simulator.fleet;

import java.util.List;

/** The fixed vocabularies the generator draws from; kept in one place so they read as data. */
final class Catalog {
  private Catalog() {}

  static final List<ComputerModel> MODELS =
      List.of(
          new ComputerModel(
              "MacBook Air (13-inch, M2, 2022)",
              "Mac14,2",
              "MacBook Air",
              "MBA",
              true,
              "Apple M2",
              8,
              16384,
              512,
              true),
          new ComputerModel(
              "MacBook Air (15-inch, M3, 2024)",
              "Mac15,13",
              "MacBook Air",
              "MBA",
              true,
              "Apple M3",
              8,
              16384,
              512,
              true),
          new ComputerModel(
              "MacBook Air (13-inch, M4, 2025)",
              "Mac16,12",
              "MacBook Air",
              "MBA",
              true,
              "Apple M4",
              10,
              16384,
              512,
              true),
          new ComputerModel(
              "MacBook Pro (14-inch, M3, Nov 2023)",
              "Mac15,3",
              "MacBook Pro",
              "MBP",
              true,
              "Apple M3",
              8,
              16384,
              1024,
              true),
          new ComputerModel(
              "MacBook Pro (14-inch, M3 Pro, Nov 2023)",
              "Mac15,6",
              "MacBook Pro",
              "MBP",
              true,
              "Apple M3 Pro",
              12,
              36864,
              1024,
              true),
          new ComputerModel(
              "MacBook Pro (16-inch, M3 Max, Nov 2023)",
              "Mac15,9",
              "MacBook Pro",
              "MBP",
              true,
              "Apple M3 Max",
              16,
              49152,
              2048,
              true),
          new ComputerModel(
              "MacBook Pro (14-inch, M4 Pro, 2024)",
              "Mac16,8",
              "MacBook Pro",
              "MBP",
              true,
              "Apple M4 Pro",
              14,
              49152,
              1024,
              true),
          new ComputerModel(
              "iMac (24-inch, M3, 2023)",
              "Mac15,4",
              "iMac",
              "IMAC",
              true,
              "Apple M3",
              8,
              16384,
              512,
              false),
          new ComputerModel(
              "Mac mini (M2, 2023)",
              "Mac14,3",
              "Mac mini",
              "MINI",
              true,
              "Apple M2",
              8,
              16384,
              512,
              false),
          new ComputerModel(
              "Mac mini (2024)",
              "Mac16,10",
              "Mac mini",
              "MINI",
              true,
              "Apple M4",
              10,
              16384,
              512,
              false),
          new ComputerModel(
              "Mac Studio (2023)",
              "Mac14,13",
              "Mac Studio",
              "STUDIO",
              true,
              "Apple M2 Max",
              12,
              65536,
              1024,
              false),
          new ComputerModel(
              "MacBook Pro (16-inch, 2019)",
              "MacBookPro16,1",
              "MacBook Pro",
              "MBP",
              false,
              "Intel Core i9",
              8,
              32768,
              1024,
              true),
          new ComputerModel(
              "MacBook Pro (13-inch, 2020, Four Thunderbolt 3 ports)",
              "MacBookPro16,2",
              "MacBook Pro",
              "MBP",
              false,
              "Intel Core i5",
              4,
              16384,
              512,
              true));

  /**
   * The macOS major each of {@link #MODELS} shipped with: no Mac runs an older one (M3 Macs came
   * with macOS 14, M4 Macs with 15).
   */
  static final int[] MODEL_FIRST_MACOS = {12, 14, 15, 14, 14, 14, 15, 14, 13, 15, 13, 10, 10};

  /** Relative weights of {@link #MODELS}: laptops dominate, Intel is a shrinking tail. */
  static final int[] MODEL_WEIGHTS = {14, 12, 8, 16, 9, 5, 6, 7, 5, 4, 3, 6, 5};

  static final List<OsRelease> OS_RELEASES =
      List.of(
          new OsRelease("13.6.9", "22G830"),
          new OsRelease("13.7.4", "22H420"),
          new OsRelease("14.6.1", "23G93"),
          new OsRelease("14.7.2", "23H311"),
          new OsRelease("15.1.1", "24B91"),
          new OsRelease("15.3.2", "24D81"),
          new OsRelease("15.6", "24G84"),
          new OsRelease("26.0.1", "25A362"),
          new OsRelease("26.1", "25B78"));

  static final int[] OS_WEIGHTS = {4, 5, 6, 9, 8, 12, 22, 18, 16};

  static final List<String> FIRST_NAMES =
      List.of(
          "Alice", "Bob", "Carol", "David", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy",
          "Karl", "Laura", "Mallory", "Nina", "Oscar", "Peggy", "Quentin", "Rupert", "Sybil",
          "Trent", "Ursula", "Victor", "Wendy", "Xavier", "Yvonne", "Zoe", "Amir", "Beatriz",
          "Chen", "Dmitri", "Elena", "Farah", "Gustavo", "Hana", "Ines", "Jamal", "Kenji", "Lucia",
          "Mateo", "Noor", "Olga", "Priya", "Ravi", "Sofia", "Tomas", "Uma", "Wei", "Yusuf",
          "Zainab", "Madison");

  static final List<String> LAST_NAMES =
      List.of(
          "Anderson",
          "Brown",
          "Clark",
          "Diaz",
          "Evans",
          "Fischer",
          "Garcia",
          "Huang",
          "Ito",
          "Jensen",
          "Kowalski",
          "Lopez",
          "Martin",
          "Nakamura",
          "O'Brien",
          "Patel",
          "Quinn",
          "Rossi",
          "Smith",
          "Tanaka",
          "Usman",
          "Virtanen",
          "Williams",
          "Xu",
          "Young",
          "Zimmermann",
          "Andersson",
          "Bianchi",
          "Costa",
          "Dubois",
          "Eriksen",
          "Fernandes",
          "Gonzalez",
          "Hoffmann",
          "Ivanova",
          "Johnson",
          "Kim",
          "Larsen",
          "Müller",
          "Nguyen");

  static final List<String> DEPARTMENTS =
      List.of(
          "Engineering",
          "Sales",
          "Marketing",
          "Finance",
          "Human Resources",
          "IT",
          "Legal",
          "Operations",
          "Design",
          "Customer Support");

  static final List<String> DEPARTMENT_CODES =
      List.of("ENG", "SLS", "MKT", "FIN", "HR", "IT", "LGL", "OPS", "DSN", "SUP");

  static final int[] DEPARTMENT_WEIGHTS = {30, 14, 8, 6, 4, 6, 3, 8, 7, 14};

  /** name, street, city, state, zip, country. */
  static final List<String[]> BUILDINGS =
      List.of(
          new String[] {
            "HQ - San Francisco",
            "500 Market Street",
            "San Francisco",
            "CA",
            "94105",
            "United States"
          },
          new String[] {
            "Austin Office", "200 Congress Avenue", "Austin", "TX", "78701", "United States"
          },
          new String[] {
            "New York Office", "11 Madison Avenue", "New York", "NY", "10010", "United States"
          },
          new String[] {
            "London Office", "1 Canada Square", "London", "", "E14 5AB", "United Kingdom"
          },
          new String[] {"Berlin Office", "Friedrichstraße 68", "Berlin", "", "10117", "Germany"},
          new String[] {"Remote", "", "", "", "", ""});

  static final int[] BUILDING_WEIGHTS = {35, 15, 15, 12, 8, 15};

  /**
   * The site of each building id (index 0: no building): the Austin and New York offices are site 1
   * (Field Offices), London site 2 (EMEA); headquarters, Berlin, remote staff and unplaced devices
   * belong to no site, as most devices of a multi-site Jamf Pro do.
   */
  static final int[] SITE_OF_BUILDING = {0, 0, 1, 1, 2, 0, 0};

  static final String EMAIL_DOMAIN = "acme.example";
}
