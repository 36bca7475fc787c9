package dev.jamfmcp.jamf;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the typed client operations a test drives against the simulator, as {@code
 * Group.method(ParamType,...)} (e.g. {@code "Policies.flushLog(int,Collection)"}). {@link
 * OperationCoverageTest} fails when an operation of the client's public API has no test.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Covers {
  String[] value();
}
