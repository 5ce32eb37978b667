package io.lookaside.app.whatif;

import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * One model's sweep as the chart draws it: the saved wall-clock wait per window (bars, ms) and
 * the saved round trips per window (a line on a second axis), both over the same categories
 * {@code 0, 1 ms, 10 ms, 100 ms, 1 s, 10 s, ∞}.
 */
public record SweepData(CategoryDataset savedWait, CategoryDataset savedTrips) {
    public static final String SAVED_WAIT = "Saved wall-clock wait (ms)";
    public static final String SAVED_TRIPS = "Saved round trips";

    public static final SweepData EMPTY = new SweepData(new DefaultCategoryDataset(), new DefaultCategoryDataset());
}
