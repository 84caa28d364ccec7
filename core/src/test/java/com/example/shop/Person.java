package com.example.shop;

import java.util.ArrayList;
import java.util.List;

/** A customer as the conformance corpus's tables see one: a bean with getters and setters. */
public class Person {
    private String name = "";
    private int age;
    private String city = "";
    private boolean vip;
    private double score;
    private Level level = Level.BRONZE;
    private final List<String> tags = new ArrayList<>();
    /** A public field without a getter. */
    public String nickname = "";

    public Person() {
    }

    public Person(String name, int age) {
        this.name = name;
        this.age = age;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getAge() {
        return age;
    }

    public void setAge(int age) {
        this.age = age;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public boolean isVip() {
        return vip;
    }

    public void setVip(boolean vip) {
        this.vip = vip;
    }

    public double getScore() {
        return score;
    }

    public void setScore(double score) {
        this.score = score;
    }

    public Level getLevel() {
        return level;
    }

    public void setLevel(Level level) {
        this.level = level;
    }

    public List<String> getTags() {
        return tags;
    }

    public void tag(String tag) {
        tags.add(tag);
    }
}
