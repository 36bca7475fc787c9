package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.effects.SideEffects;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.http.Area;
import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.NotFound;
import dev.jamfmcp.simulator.http.Router;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Classic log flushes, the only way to re-arm a "once per computer" policy: {@code DELETE
 * /JSSResource/logflush/{log}/id/{id}/interval/{interval}}, {@code DELETE
 * /JSSResource/logflush/{log}/interval/{interval}}, and {@code DELETE /JSSResource/logflush} with
 * an XML body naming policy, interval and computers.
 */
final class ClassicLogFlush {
  private static final Pattern INTERVAL =
      Pattern.compile("(?i)(zero|one|two|three|six)[ +](day|week|month|year)s?");

  private final Fleet fleet;
  private final SideEffects effects;

  ClassicLogFlush(Fleet fleet, SideEffects effects) {
    this.fleet = fleet;
    this.effects = effects;
  }

  void register(Router router) {
    router.delete(
        "/JSSResource/logflush/{log}/id/{id}/interval/{interval}", Area.CLASSIC, this::onePolicy);
    router.delete(
        "/JSSResource/logflush/{log}/interval/{interval}", Area.CLASSIC, this::allPolicies);
    router.delete("/JSSResource/logflush", Area.CLASSIC, this::fromXml);
  }

  private void onePolicy(Exchange ex) throws Exception {
    String log = log(ex.pathParam("log"));
    int policyId = policy(ex.pathParam("id"));
    effects.recordLogFlush(log, policyId, interval(ex.pathParam("interval")), List.of());
    ex.empty(200);
  }

  private void allPolicies(Exchange ex) throws Exception {
    String log = log(ex.pathParam("log"));
    effects.recordLogFlush(log, null, interval(ex.pathParam("interval")), List.of());
    ex.empty(200);
  }

  /**
   * {@code <logflush><log>policy</log><log_id>2</log_id><interval>THREE
   * MONTHS</interval><computers>...}
   */
  private void fromXml(Exchange ex) throws Exception {
    Document doc = parse(ex.body());
    String log = log(text(doc, "log"));
    String logId = text(doc, "log_id");
    Integer policyId = logId.isEmpty() ? null : policy(logId);
    List<Integer> computers = new ArrayList<>();
    NodeList ids = doc.getElementsByTagName("computer");
    for (int i = 0; i < ids.getLength(); i++) {
      NodeList idNodes = ((org.w3c.dom.Element) ids.item(i)).getElementsByTagName("id");
      long id = idNodes.getLength() == 0 ? -1 : Ids.parse(idNodes.item(0).getTextContent().trim());
      if (fleet.computers().rowOf(id) < 0) {
        throw new NotFound("computer");
      }
      computers.add((int) id);
    }
    effects.recordLogFlush(log, policyId, interval(text(doc, "interval")), computers);
    ex.empty(200);
  }

  private static String log(String log) {
    if (log == null || !(log.equalsIgnoreCase("policies") || log.equalsIgnoreCase("policy"))) {
      throw new Exchange.BadRequest("log must be policies");
    }
    return "policies";
  }

  private int policy(String id) {
    return fleet.policy(Ids.parse(id)).orElseThrow(() -> new NotFound("policy")).id();
  }

  private static String interval(String interval) {
    String normalized = interval == null ? "" : interval.replace('+', ' ').trim();
    if (!INTERVAL.matcher(normalized).matches()) {
      throw new Exchange.BadRequest("bad interval " + interval);
    }
    return normalized;
  }

  private static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw new Exchange.BadRequest("malformed XML body");
    }
  }

  private static String text(Document doc, String tag) {
    NodeList nodes = doc.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }
}
