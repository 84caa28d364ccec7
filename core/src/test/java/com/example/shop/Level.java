package com.example.shop;

/** A loyalty level. */
public enum Level {
    BRONZE, SILVER, GOLD
}
