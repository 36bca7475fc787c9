package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.Handler;
import dev.jamfmcp.simulator.rsql.FieldSet;
import dev.jamfmcp.simulator.rsql.Table;
import java.util.List;
import java.util.function.BiConsumer;
import tools.jackson.core.JsonGenerator;

/** A {@code {"totalCount","results"}} endpoint over a fixed list, with paging, sort and filter. */
final class PagedList<T> implements Handler {
  private final List<T> items;
  private final Table table;
  private final String defaultSort;
  private final BiConsumer<JsonGenerator, T> writer;

  PagedList(
      List<T> items, FieldSet fields, String defaultSort, BiConsumer<JsonGenerator, T> writer) {
    this.items = items;
    this.table = new Table(fields, items.size(), true);
    this.defaultSort = defaultSort;
    this.writer = writer;
  }

  @Override
  public void handle(Exchange ex) throws Exception {
    Paging paging = Paging.of(ex);
    Table.Page page =
        table.query(
            ex.query("filter"), ex.queries("sort"), defaultSort, paging.page(), paging.pageSize());
    ex.json(
        200,
        json -> MobileDeviceRoutes.results(json, page, row -> writer.accept(json, items.get(row))));
  }
}
