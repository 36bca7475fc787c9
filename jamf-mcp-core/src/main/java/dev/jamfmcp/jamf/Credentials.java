package dev.jamfmcp.jamf;

import java.util.Objects;

/**
 * How the client proves who it is. Both kinds override {@code toString()} so that a secret never
 * reaches a log line or an exception message by accident.
 */
public sealed interface Credentials permits Credentials.ApiClient, Credentials.UserAccount {

  /** An API client (Settings &gt; API roles and clients): OAuth client credentials grant. */
  record ApiClient(String clientId, String clientSecret) implements Credentials {
    public ApiClient {
      requireText(clientId, "clientId");
      requireText(clientSecret, "clientSecret");
    }

    @Override
    public String toString() {
      return "ApiClient[clientId=" + clientId + ", clientSecret=***]";
    }
  }

  /** A Jamf Pro user account: HTTP Basic exchanged for a bearer token, kept alive. */
  record UserAccount(String username, String password) implements Credentials {
    public UserAccount {
      requireText(username, "username");
      requireText(password, "password");
    }

    @Override
    public String toString() {
      return "UserAccount[username=" + username + ", password=***]";
    }
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
