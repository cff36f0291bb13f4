package org.nlb.report;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.nlb.poison.trigger.Trigger;
import org.nlb.poison.trigger.TriggerKind;

/**
 * Where a trigger touches an image and how much of it (DESIGN §3; the EXPERIMENTS.md rows report
 * the area of every trigger): found by applying the built trigger to an all-black and an all-white image
 * and marking every pixel that changed in either, in any channel — a patch cell of value v
 * changes the black image unless v = 0 and the white one unless v = 255. So the footprint follows
 * the real trigger code, for any kind, rather than a second description of each kind.
 *
 * @param pixels how many of the image's pixels the trigger changes (of {@code height × width})
 * @param place {@code at (row, col)} of a single rectangle's top-left cell, {@code whole image},
 *     {@code random position} (patch-random: a new place per image), or {@code k patches}
 */
record TriggerFootprint(int pixels, int height, int width, String place) {
    /** The changed share of the image's area, in [0, 1]. */
    double area() {
        return pixels / (double) (height * width);
    }

    /** The footprint of {@code trigger} on the first image of a set (item 0). */
    static TriggerFootprint of(Trigger trigger) {
        int channels = trigger.shape().channels();
        int h = trigger.shape().height();
        int w = trigger.shape().width();
        boolean[] touched = new boolean[h * w];
        for (byte background : new byte[] {0, (byte) 255}) {
            byte[] image = new byte[trigger.shape().bytes()];
            Arrays.fill(image, background);
            byte[] triggered = trigger.applied(image, 0);
            for (int k = 0; k < image.length; k++) {
                if (triggered[k] != background) {
                    touched[k % (h * w)] = true;
                }
            }
        }
        int count = 0;
        int top = h;
        int left = w;
        int bottom = -1;
        int right = -1;
        for (int k = 0; k < touched.length; k++) {
            if (touched[k]) {
                count++;
                top = Math.min(top, k / w);
                bottom = Math.max(bottom, k / w);
                left = Math.min(left, k % w);
                right = Math.max(right, k % w);
            }
        }
        String place;
        if (count == h * w) {
            place = "whole image";
        } else if (trigger.config().kind() == TriggerKind.PATCH_RANDOM) {
            place = "random position";
        } else if (count > 0 && count == (bottom - top + 1) * (right - left + 1)) {
            place = "at (" + top + ", " + left + ")";
        } else {
            place = patches(touched, h, w) + " patches";
        }
        return new TriggerFootprint(count, h, w, place);
    }

    /** The number of 4-connected groups of touched pixels. */
    private static int patches(boolean[] touched, int h, int w) {
        boolean[] seen = new boolean[touched.length];
        int groups = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < touched.length; start++) {
            if (!touched[start] || seen[start]) {
                continue;
            }
            groups++;
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int k = queue.poll();
                int y = k / w;
                int x = k % w;
                int[] next = {y > 0 ? k - w : -1, y < h - 1 ? k + w : -1, x > 0 ? k - 1 : -1, x < w - 1 ? k + 1 : -1};
                for (int n : next) {
                    if (n >= 0 && touched[n] && !seen[n]) {
                        seen[n] = true;
                        queue.add(n);
                    }
                }
            }
        }
        return groups;
    }
}
