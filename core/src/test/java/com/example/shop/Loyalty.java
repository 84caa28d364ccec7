package com.example.shop;

/** Holds a nested fact class, which tables name {@code Loyalty.Card}. */
public final class Loyalty {
    private Loyalty() {
    }

    /** A loyalty card. */
    public static class Card {
        private int points;
        private String tier = "";

        public int getPoints() {
            return points;
        }

        public void setPoints(int points) {
            this.points = points;
        }

        public String getTier() {
            return tier;
        }

        public void setTier(String tier) {
            this.tier = tier;
        }
    }
}
