package dev.jamfmcp.simulator.rsql;

/** A stable merge sort of row numbers; Java has no primitive sort that takes a comparator. */
final class IntSorter {
  private IntSorter() {}

  static void sort(int[] rows, IntComparator order) {
    int[] buffer = rows.clone();
    mergeSort(buffer, rows, 0, rows.length, order);
  }

  /**
   * Sorts {@code source[from,to)} into {@code target[from,to)}; both start with the same contents.
   */
  private static void mergeSort(int[] source, int[] target, int from, int to, IntComparator order) {
    if (to - from < 16) {
      for (int i = from + 1; i < to; i++) { // insertion sort on small runs
        int row = target[i];
        int j = i - 1;
        while (j >= from && order.compare(target[j], row) > 0) {
          target[j + 1] = target[j];
          j--;
        }
        target[j + 1] = row;
      }
      return;
    }
    int middle = (from + to) >>> 1;
    mergeSort(target, source, from, middle, order);
    mergeSort(target, source, middle, to, order);
    int left = from;
    int right = middle;
    for (int i = from; i < to; i++) {
      if (right >= to || (left < middle && order.compare(source[left], source[right]) <= 0)) {
        target[i] = source[left++];
      } else {
        target[i] = source[right++];
      }
    }
  }
}
