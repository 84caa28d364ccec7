package com.example.shop;

/** The cheese of Drools' own examples: a type and a price in whole units. */
public class Cheese {
    private String type = "";
    private int price;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public int getPrice() {
        return price;
    }

    public void setPrice(int price) {
        this.price = price;
    }
}
